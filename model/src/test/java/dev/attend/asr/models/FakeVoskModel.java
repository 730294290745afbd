package dev.attend.asr.models;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A structurally valid Vosk model folder with made-up content: enough for discovery, install and import tests, not
 * for decoding (that needs the generated tone model from {@code dev.attend.testkit}).
 */
final class FakeVoskModel {

    private FakeVoskModel() {
    }

    /** Writes the model into {@code dir} (created); {@code amBytes} of incompressible data make the zip that big. */
    static Path write(Path dir, int amBytes) throws IOException {
        Files.createDirectories(dir.resolve("am"));
        Files.createDirectories(dir.resolve("conf"));
        Files.createDirectories(dir.resolve("graph"));
        byte[] am = new byte[amBytes];
        new Random(42).nextBytes(am);
        Files.write(dir.resolve("am/final.mdl"), am);
        Files.writeString(dir.resolve("conf/model.conf"), "--min-active=20\n--max-active=1000\n--beam=13.0\n",
                StandardCharsets.UTF_8);
        Files.write(dir.resolve("graph/HCLG.fst"), new byte[] {(byte) 0xd6, (byte) 0xfd, (byte) 0xb2, 0x7e});
        Files.writeString(dir.resolve("graph/words.txt"), "<eps> 0\none 1\ntwo 2\n", StandardCharsets.UTF_8);
        return dir;
    }

    static Path write(Path dir) throws IOException {
        return write(dir, 1024);
    }
}
