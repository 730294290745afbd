package dev.attend.fusion.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint saved before the word head (its config has no {@code words}) still loads, runs and streams. */
class OldCheckpointTest {

    @TempDir
    Path dir;

    @Test
    void aCheckpointWithoutWordsLoadsAndRunsWithoutAWordHead() throws Exception {
        Engine.getEngine(FusionModel.ENGINE).setRandomSeed(8);
        FusionConfig cfg = new FusionConfig(16, 2, 1, 1, 32, 0f, 8, 8, 4, FusionConfig.INTENTS);
        float[] before;
        FusionInputs in = RandomInputs.of(cfg, 1, 2, new int[] {8}, new int[] {0});
        try (FusionModel m = FusionModel.createInitialized(cfg); NDManager nd = NDManager.newBaseManager(FusionModel.ENGINE)) {
            before = m.forward(nd, in).get(FusionNet.INTENT).toFloatArray();
            m.save(dir);
        }
        Path config = dir.resolve(FusionModel.CONFIG_FILE);
        String json = Files.readString(config);
        String old = json.replaceAll(",\\s*\"words\"\\s*:\\s*\\[\\s*\\]", ""); // as session-5 checkpoints were written
        assertThat(old).doesNotContain("words").isNotEqualTo(json);
        Files.writeString(config, old);
        try (FusionModel m = FusionModel.load(dir); NDManager nd = NDManager.newBaseManager(FusionModel.ENGINE);
             FusionStream s = new FusionStream(m)) {
            assertThat(m.config().wordHead()).isFalse();
            assertThat(m.net().wordIndex()).isEqualTo(-1);
            NDList out = m.forward(nd, in);
            assertThat(out.get(FusionNet.INTENT).toFloatArray()).containsExactly(before);
            assertThat(out.get(FusionNet.LOG_VARS).getShape().get(0)).isEqualTo(FusionNet.TASKS);
            assertThat(out).hasSize(m.net().slotIndex() + 1);
            float[] intent = s.step(0.072, new float[FusionConfig.AUDIO_DIM], Map.of(), 0, List.of(), new double[0],
                    Set.of()).intent();
            assertThat(intent).hasSize(FusionConfig.INTENTS.size());
        }
    }
}
