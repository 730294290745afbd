package dev.attend.asr;

import dev.attend.testkit.ToneModelSpec;
import dev.attend.testkit.ToneModelWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Generated tone models, written once per test JVM. */
public final class TestModels {

    private static Path staticModel;
    private static Path grammarModel;

    private TestModels() {
    }

    public static synchronized Path staticGraph() {
        if (staticModel == null) {
            staticModel = write(ToneModelSpec.defaults());
        }
        return staticModel;
    }

    public static synchronized Path grammarGraph() {
        if (grammarModel == null) {
            grammarModel = write(ToneModelSpec.defaults().withGrammar(true));
        }
        return grammarModel;
    }

    public static Path write(ToneModelSpec spec) {
        try {
            Path dir = Files.createTempDirectory("attend-tone-model-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            return new ToneModelWriter(spec).write(dir.resolve("model"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // temp files; the OS cleans up eventually
        }
    }
}
