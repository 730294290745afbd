package dev.attend.asr;

import dev.attend.session.SessionAssembly;
import dev.attend.session.SessionFeature;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Speech recognition with a Vosk model: partial and final transcripts.
 *
 * @param model   a checked Vosk model folder ({@link dev.attend.asr.vosk.VoskModelFolder#check})
 * @param options recognizer settings
 */
public record AsrFeature(Path model, RecognizerOptions options) implements SessionFeature {

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
            session.pipeline().audioStage(new AsrStage(model, options));
        }
    }
}
