package dev.attend.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The tone model used as a speech/silence aligner for speaker vectors when no real speech model is at hand
 * (enrolment, tests): libvosk takes the x-vector over the frames its decoder aligns to non-silence, and the tone
 * model's acoustic scores are driven by energy in four mel bins, so speech aligns to "words" and silence to
 * silence. Its default beams are made for clean tones; on real speech they give lattices so large that settling one
 * sentence takes minutes, so the aligner narrows them (same decode path, milliseconds per sentence).
 */
public final class SpeechAlignerModel {

    static final String OVERRIDES = "--lattice-beam=1.0\n--beam=8.0\n--max-active=200\n";

    private SpeechAlignerModel() {
    }

    /** Writes the aligner model into {@code dir} (which must not exist or be empty). */
    public static Path write(Path dir) throws IOException {
        Path m = new ToneModelWriter(ToneModelSpec.defaults()).write(dir);
        Files.writeString(m.resolve("conf/model.conf"), OVERRIDES, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return m;
    }

    /** The aligner under {@code cacheDir/speech-aligner}, written once (a complete copy is marked by a file). */
    public static synchronized Path cached(Path cacheDir) throws IOException {
        Path dir = cacheDir.resolve("speech-aligner-1");
        Path done = dir.resolve(".complete");
        if (Files.exists(done)) {
            return dir.resolve("model");
        }
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        Files.createDirectories(dir);
        Path m = write(dir.resolve("model"));
        Files.createFile(done);
        return m;
    }
}
