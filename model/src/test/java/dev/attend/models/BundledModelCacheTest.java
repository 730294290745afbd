package dev.attend.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.encoders.audio.AudioModels;
import dev.attend.onnx.OnnxNet;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bundled models load even when the cache folder cannot be written (issue 18, defect 6). */
class BundledModelCacheTest {

    @Test
    void anUnwritableCacheFallsBackToThisRunsTemporaryFolder(@TempDir Path tmp) throws Exception {
        // a "folder" below a plain file can never be created, not even by root
        Path cache = Files.writeString(tmp.resolve("not-a-folder"), "x").resolve("cache");
        Path file = AudioModels.SILERO_VAD.materialize(cache);
        assertThat(file).startsWith(BundledModel.fallbackDir()).isRegularFile();
        assertThat(Sha256.of(file)).isEqualTo(AudioModels.SILERO_VAD.sha256());
        try (OnnxNet net = OnnxNet.load(AudioModels.SILERO_VAD, cache)) {
            assertThat(net).isNotNull(); // ONNX Runtime really loaded it
        }
    }
}
