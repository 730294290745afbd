package dev.attend.asr;

import dev.attend.asr.testkit.ToneModelSpec;
import dev.attend.asr.testkit.ToneModelWriter;
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
            dir.toFile().deleteOnExit();
            return new ToneModelWriter(spec).write(dir.resolve("model"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
