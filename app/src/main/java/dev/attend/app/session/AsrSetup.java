package dev.attend.app.session;

import dev.attend.asr.AsrFeature;
import dev.attend.asr.RecognizerOptions;
import dev.attend.asr.vosk.VoskModelFolder;
import dev.attend.speaker.SpeakerSetup;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Turns the chosen speech model ({@link FeatureOptions#asrModel()}) into the ASR feature, checking it first. */
public final class AsrSetup {

    private AsrSetup() {
    }

    /**
     * @param speakers speaker labels on each final, or null
     * @return the feature, or null when no model is chosen
     * @throws IllegalArgumentException when the value is not a usable Vosk model folder (one line, what to do)
     */
    public static AsrFeature featureFor(String model, SpeakerSetup speakers) {
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
        return new AsrFeature(VoskModelFolder.check(dir).dir(), RecognizerOptions.defaults(), speakers);
    }
}
