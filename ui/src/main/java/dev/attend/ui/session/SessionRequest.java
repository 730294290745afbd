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
 * @param startAt         media seconds at which a file starts (a seek); 0 = the beginning
 * @param fusion          run the fusion transformer (its maps for the lab) when the app has its model
 */
public record SessionRequest(Source source, String mic, String camera, Path file, boolean paced,
                             String translationPair, List<String> wakeWords, double wakeThreshold, double startAt,
                             boolean fusion) {

    /** Media sources the GUI offers. */
    public enum Source { DEMO, DEVICES, FILE }

    public SessionRequest {
        wakeWords = wakeWords == null ? List.of() : List.copyOf(wakeWords);
        startAt = Math.max(0, startAt);
    }

    /** From the beginning, without the fusion transformer. */
    public SessionRequest(Source source, String mic, String camera, Path file, boolean paced,
                          String translationPair, List<String> wakeWords, double wakeThreshold) {
        this(source, mic, camera, file, paced, translationPair, wakeWords, wakeThreshold, 0, false);
    }

    /** From the beginning. */
    public SessionRequest(Source source, String mic, String camera, Path file, boolean paced,
                          String translationPair, List<String> wakeWords, double wakeThreshold, boolean fusion) {
        this(source, mic, camera, file, paced, translationPair, wakeWords, wakeThreshold, 0, fusion);
    }

    /** Files (the demo clip, a media file) can be sought; devices cannot. */
    public boolean seekable() {
        return source != Source.DEVICES;
    }

    /** The same request starting {@code seconds} into the file. */
    public SessionRequest startingAt(double seconds) {
        return new SessionRequest(source, mic, camera, file, paced, translationPair, wakeWords, wakeThreshold,
                seconds, fusion);
    }
}
