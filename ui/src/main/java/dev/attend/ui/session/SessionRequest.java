package dev.attend.ui.session;

import java.nio.file.Path;
import java.util.List;

/**
 * What the user asked the GUI to run; the app turns it into its session spec.
 *
 * @param source          where media comes from
 * @param mic             microphone name ("" = default) for {@link Source#DEVICES}
 * @param camera          camera index/name, or "" for none, for {@link Source#DEVICES}
 * @param file            audio (WAV) or video file for {@link Source#FILE}
 * @param paced           feed files as live (true) or as fast as possible
 * @param translationPair Apertium pair, or null for none
 * @param wakeWords       wake-word models
 * @param wakeThreshold   wake score threshold
 * @param fusion          run the fusion transformer (its maps for the lab) when the app has its model
 */
public record SessionRequest(Source source, String mic, String camera, Path file, boolean paced,
                             String translationPair, List<String> wakeWords, double wakeThreshold,
                             boolean fusion) {

    /** Media sources the GUI offers. */
    public enum Source { DEMO, DEVICES, FILE }

    public SessionRequest {
        wakeWords = wakeWords == null ? List.of() : List.copyOf(wakeWords);
    }

    /** Without the fusion transformer. */
    public SessionRequest(Source source, String mic, String camera, Path file, boolean paced,
                          String translationPair, List<String> wakeWords, double wakeThreshold) {
        this(source, mic, camera, file, paced, translationPair, wakeWords, wakeThreshold, false);
    }
}
