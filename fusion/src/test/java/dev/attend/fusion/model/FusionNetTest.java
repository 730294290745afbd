package dev.attend.fusion.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.Test;

class FusionNetTest {

    private static final FusionConfig CFG = new FusionConfig(16, 2, 2, 1, 32, 0f, 7, 7, 5, FusionConfig.INTENTS);

    @Test
    void defaultModelIsUnderOneMillionParameters() {
        Engine.getEngine(FusionModel.ENGINE).setRandomSeed(1);
        try (FusionModel m = FusionModel.createInitialized(FusionConfig.defaults())) {
            assertThat(m.parameterCount()).isBetween(100_000L, 999_999L);
        }
    }

    @Test
    void outputsHaveTheDocumentedShapes() {
        Engine.getEngine(FusionModel.ENGINE).setRandomSeed(1);
        try (FusionModel m = FusionModel.createInitialized(CFG); NDManager mgr = NDManager.newBaseManager(FusionModel.ENGINE)) {
            NDList out = m.forward(mgr, RandomInputs.of(CFG, 3, 7, new int[] {7, 5, 3}, new int[] {5, 2, 0}));
            List<String> names = m.net().attentionNames();
            assertThat(names).containsExactly("audio.self.0", "audio.self.1", "video.self.0", "video.self.1",
                    "text.self.0", "text.self.1", "audio<-video.0", "video<-audio.0", "text<-audio.0");
            assertThat(out).hasSize(FusionNet.FIRST_ATTENTION + 2 * names.size() + 1);
            assertThat(m.net().slotIndex()).isEqualTo(FusionNet.FIRST_ATTENTION + 2 * names.size());
            assertThat(out.get(m.net().slotIndex()).getShape().getShape()).containsExactly(3, 7 + 18 + 4);
            assertThat(out.get(FusionNet.SYNC).getShape().getShape()).containsExactly(3);
            assertThat(out.get(FusionNet.INTENT).getShape().getShape()).containsExactly(3, 9);
            assertThat(out.get(FusionNet.Z_TEXT).getShape().getShape()).containsExactly(3, 16);
            assertThat(out.get(FusionNet.FIRST_ATTENTION).getShape().getShape()).containsExactly(3, 2, 7, 7);
            assertThat(out.get(m.net().textAudioWeightsIndex()).getShape().getShape()).containsExactly(3, 2, 5, 7);
            int scores = FusionNet.FIRST_ATTENTION + names.size();
            assertThat(out.get(scores + 6).getShape().getShape()).containsExactly(3, 2, 7, 7); // audio<-video scores
        }
    }

    @Test
    void attentionRowsSumToOneMaskedAndFutureKeysGetZero() {
        Engine.getEngine(FusionModel.ENGINE).setRandomSeed(2);
        int[] audioLen = {7, 4};
        int[] textLen = {5, 3};
        try (FusionModel m = FusionModel.createInitialized(CFG); NDManager mgr = NDManager.newBaseManager(FusionModel.ENGINE)) {
            FusionInputs in = RandomInputs.of(CFG, 2, 11, audioLen, textLen);
            NDList out = m.forward(mgr, in);
            List<String> names = m.net().attentionNames();
            for (int a = 0; a < names.size(); a++) {
                String name = names.get(a);
                NDArray w = out.get(FusionNet.FIRST_ATTENTION + a);
                long[] s = w.getShape().getShape();
                float[] v = w.toFloatArray();
                boolean causal = name.startsWith("audio") || name.startsWith("video");
                boolean keysAudio = name.equals("audio.self.0") || name.equals("audio.self.1") || name.endsWith("<-audio.0");
                boolean keysText = name.startsWith("text.self");
                for (int b = 0; b < s[0]; b++) {
                    for (int h = 0; h < s[1]; h++) {
                        for (int q = 0; q < s[2]; q++) {
                            int validKeys = 0;
                            double sum = 0;
                            for (int k = 0; k < s[3]; k++) {
                                float x = v[(int) (((b * s[1] + h) * s[2] + q) * s[3] + k)];
                                boolean padded = keysAudio ? k >= audioLen[b] : keysText && k >= textLen[b];
                                boolean future = causal && k > q; // same 80-ms grid for audio and video
                                if (padded || future) {
                                    assertThat(x).as("%s b%d h%d q%d k%d", name, b, h, q, k).isLessThan(1e-30f);
                                } else {
                                    validKeys++;
                                }
                                sum += x;
                            }
                            if (validKeys > 0) {
                                assertThat(sum).as("%s row b%d h%d q%d", name, b, h, q).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void scoresAreTheSoftmaxInputs() {
        Engine.getEngine(FusionModel.ENGINE).setRandomSeed(3);
        try (FusionModel m = FusionModel.createInitialized(CFG); NDManager mgr = NDManager.newBaseManager(FusionModel.ENGINE)) {
            NDList out = m.forward(mgr, RandomInputs.of(CFG, 1, 5, new int[] {7}, new int[] {5}));
            int text = 4; // text.self.0: no causal mask, no padding here
            float[] w = out.get(FusionNet.FIRST_ATTENTION + text).toFloatArray();
            float[] sc = out.get(FusionNet.FIRST_ATTENTION + m.net().attentionNames().size() + text).toFloatArray();
            double z = 0;
            for (int k = 0; k < 5; k++) {
                z += Math.exp(sc[k]);
            }
            for (int k = 0; k < 5; k++) {
                assertThat((double) w[k]).isCloseTo(Math.exp(sc[k]) / z, org.assertj.core.data.Offset.offset(1e-6));
            }
        }
    }
}
