package dev.attend.app.session;

import dev.attend.speaker.SpeakerSetup;
import java.util.List;

/**
 * Which features a session runs and how. Defaults: everything that needs no download is on.
 *
 * @param asrModel        Vosk model folder or installed model name; null = the default model if one is installed,
 *                        else no speech recognition
 * @param translationPair Apertium pair such as {@code eng-spa}; null = no translation
 * @param wakeWords       bundled wake-word model names (e.g. {@code hey_jarvis}); empty = none
 * @param wakeThreshold   score a wake model must reach
 * @param vad             run voice activity detection
 * @param faces           run face detection on video
 * @param attention       emit MiniLM attention maps for each final transcript
 * @param speakers        speaker labels on each final transcript (model, profiles, thresholds); null = none
 */
public record FeatureOptions(String asrModel, String translationPair, List<String> wakeWords, double wakeThreshold,
                             boolean vad, boolean faces, boolean attention, SpeakerSetup speakers) {

    public FeatureOptions {
        wakeWords = wakeWords == null ? List.of() : List.copyOf(wakeWords);
    }

    /** Without speaker labels. */
    public FeatureOptions(String asrModel, String translationPair, List<String> wakeWords, double wakeThreshold,
                          boolean vad, boolean faces, boolean attention) {
        this(asrModel, translationPair, wakeWords, wakeThreshold, vad, faces, attention, null);
    }

    /** These options with speaker labels ({@code null}: none). */
    public FeatureOptions withSpeakers(SpeakerSetup s) {
        return new FeatureOptions(asrModel, translationPair, wakeWords, wakeThreshold, vad, faces, attention, s);
    }

    public static FeatureOptions defaults() {
        return new FeatureOptions(null, null, List.of("hey_jarvis"), 0.5, true, true, true);
    }

    /** Only the pipeline's own stages (level meter, frame events): for tests and pipeline benchmarks. */
    public static FeatureOptions none() {
        return new FeatureOptions(null, null, List.of(), 0.5, false, false, false);
    }

    /** These options with another translation pair (null: no translation). */
    public FeatureOptions withTranslationPair(String pair) {
        return new FeatureOptions(asrModel, pair, wakeWords, wakeThreshold, vad, faces, attention, speakers);
    }

    /** These options with another speech model (a folder path; null: no speech recognition). */
    public FeatureOptions withAsrModel(String model) {
        return new FeatureOptions(model, translationPair, wakeWords, wakeThreshold, vad, faces, attention, speakers);
    }
}
