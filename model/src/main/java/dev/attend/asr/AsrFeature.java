package dev.attend.asr;

import dev.attend.session.SessionAssembly;
import dev.attend.session.SessionFeature;
import dev.attend.speaker.SpeakerSetup;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Speech recognition with a Vosk model: partial and final transcripts.
 *
 * @param model   a checked Vosk model folder ({@link dev.attend.asr.vosk.VoskModelFolder#check})
 * @param options  recognizer settings
 * @param speakers speaker labels on each final (model, profiles, thresholds); null = none
 */
public record AsrFeature(Path model, RecognizerOptions options, SpeakerSetup speakers) implements SessionFeature {

    /** Without speaker labels. */
    public AsrFeature(Path model, RecognizerOptions options) {
        this(model, options, null);
    }

    public AsrFeature {
        Objects.requireNonNull(model, "model");
        options = options == null ? RecognizerOptions.defaults() : options;
    }

    @Override
    public String name() {
        return "asr";
    }

    @Override
    public void contribute(SessionAssembly session) {
        if (session.hasAudio()) {
            session.pipeline().audioStage(new AsrStage(model, options, speakers));
        }
    }
}
