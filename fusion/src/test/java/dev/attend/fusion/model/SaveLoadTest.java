package dev.attend.fusion.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SaveLoadTest {

    @TempDir
    Path dir;

    @Test
    void savedModelGivesBitIdenticalOutputsInANewJvm() throws Exception {
        Engine.getEngine(FusionModel.ENGINE).setRandomSeed(21);
        FusionConfig cfg = new FusionConfig(16, 2, 2, 1, 32, 0f, 7, 7, 5, FusionConfig.INTENTS);
        String here;
        try (FusionModel m = FusionModel.createInitialized(cfg)) {
            m.save(dir);
            here = PrintOutputs.digest(m);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1",
                "-Dai.djl.pytorch.num_interop_threads=1", "-cp", System.getProperty("java.class.path"),
                PrintOutputs.class.getName(), dir.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        String[] lines = out.split("\n");
        assertThat(lines[lines.length - 1]).isEqualTo(here);
    }
}
