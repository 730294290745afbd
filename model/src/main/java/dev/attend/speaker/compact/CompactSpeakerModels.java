package dev.attend.speaker.compact;

import dev.attend.models.ModelIntegrityException;
import dev.attend.models.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Compact speaker weights from elsewhere than the class path (a file made by the fit), for experiments and tests. */
public final class CompactSpeakerModels {

    private CompactSpeakerModels() {
    }

    /** Weights from a file, trusted as they are (their own SHA-256). */
    public static CompactSpeakerModel fromFile(Path file) throws IOException {
        byte[] data = Files.readAllBytes(file);
        return CompactSpeakerModel.load(data, Sha256.of(data), file.getFileName().toString());
    }

    /** Weights from bytes that must have this SHA-256. */
    public static CompactSpeakerModel fromBytes(byte[] data, String sha256) throws ModelIntegrityException {
        return CompactSpeakerModel.load(data, sha256, "(given)");
    }

    /** The model's linear map of already computed cepstral statistics. */
    public static float[] project(CompactSpeakerModel model, double[] features) {
        return model.project(features);
    }
}
