package dev.attend.app.session;

import dev.attend.asr.AsrStage;
import dev.attend.asr.RecognizerOptions;
import dev.attend.asr.vosk.VoskModelFolder;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Turns {@link FeatureOptions#asrModel()} into a speech-recognition stage, checking the model before the session. */
public final class AsrSetup {

    private AsrSetup() {
    }

    /**
     * @return the stage, or null when no model is chosen
     * @throws IllegalArgumentException when the value is not a usable Vosk model folder (one line, what to do)
     */
    public static AsrStage stageFor(FeatureOptions features) {
        String model = features.asrModel();
        if (model == null || model.isBlank()) {
            return null;
        }
        Path dir;
        try {
            dir = Path.of(model);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("--model '" + model + "' is not a valid folder name");
        }
        if (!Files.exists(dir)) {
            throw new IllegalArgumentException("Vosk model folder '" + model + "' does not exist; give the folder that "
                    + "contains am/, conf/ and graph/, or an installed model's name ('attend models list')");
        }
        return new AsrStage(VoskModelFolder.check(dir).dir(), RecognizerOptions.defaults(), features.speakers());
    }
}
