package dev.attend.fusion.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The floor under the word posteriors: new word-head models use 0.1, configs saved without the field 1e-4. */
class WordFloorTest {

    @Test
    void newWordHeadModelsUseTheSessionSevenFloorAndOldConfigsTheirOwn() throws Exception {
        FusionConfig fresh = FusionConfig.tiny().withWords(List.of("set", "timer"));
        assertThat(fresh.wordFloor()).isEqualTo(FusionConfig.WORD_FLOOR).isEqualTo(0.1f);
        ObjectMapper json = new ObjectMapper();
        String saved = json.writeValueAsString(fresh);
        assertThat(json.readValue(saved, FusionConfig.class)).isEqualTo(fresh);
        // as session-6 checkpoints were written: no wordFloor
        String old = saved.replaceAll(",\\s*\"wordFloor\"\\s*:\\s*[0-9.eE-]+", "");
        assertThat(old).doesNotContain("wordFloor");
        assertThat(json.readValue(old, FusionConfig.class).wordFloor()).isEqualTo(1e-4f);
        assertThat(new FusionNet(fresh.withWordFloor(1e-4f)).wordHead().floor()).isEqualTo(1e-4f);
    }

    @Test
    void pooledLogPosteriorsAreTheMaxAndMeanOfTheFlooredLogScaledToMinusOne() {
        try (NDManager m = NDManager.newBaseManager(FusionModel.ENGINE)) {
            // one window, two tokens, two classes: token 0 sure of class 0, token 1 undecided; token 2 is padding
            float[] logits = {100f, -100f, 0f, 0f, -100f, 100f};
            var pooled = WordHead.pooledLogPosteriors(m.create(logits, new Shape(1, 3, 2)),
                    m.create(new float[] {1, 1, 0}, new Shape(1, 3)), 1e-2f).toFloatArray();
            double norm = -1 / Math.log(1e-2);
            double sure = Math.log(1 + 1e-2) * norm;
            double absent = Math.log(1e-2) * norm; // −1
            double half = Math.log(0.5 + 1e-2) * norm;
            assertThat(pooled).hasSize(4);
            assertThat(pooled[0]).isCloseTo((float) sure, within(1e-5f)); // max, class 0
            assertThat(pooled[1]).isCloseTo((float) half, within(1e-5f)); // max, class 1 (padding's 1 not counted)
            assertThat(pooled[2]).isCloseTo((float) ((sure + half) / 2), within(1e-5f));
            assertThat(pooled[3]).isCloseTo((float) ((absent + half) / 2), within(1e-5f));
            assertThat(absent).isCloseTo(-1, within(1e-12));
        }
    }
}
