package dev.attend.fusion.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.attend.fusion.data.FusionData;
import dev.attend.fusion.model.FusionConfig;
import dev.attend.fusion.model.FusionModel;
import dev.attend.fusion.model.FusionNet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WordLabelsTest {

    private static float[] grid(int n) {
        float[] t = new float[n];
        for (int k = 0; k < n; k++) {
            t[k] = (float) (0.072 + 0.08 * k);
        }
        return t;
    }

    @Test
    void aWordEndingAt150LabelsExactlyTheTokensFrom150To182() {
        float[] times = grid(50); // tokens at 1.432, 1.512, 1.592, 1.672, 1.752, 1.832 …
        List<FusionData.Word> words = List.of(new FusionData.Word("five", 1.1, 1.5, 1.1),
                new FusionData.Word("zebra", 2.0, 2.3, 2.0));
        long[] l = WordLabels.labels(times, words, Map.of("five", 2, "minutes", 3));
        for (int k = 0; k < times.length; k++) {
            long expected = times[k] >= 1.5 && times[k] < 1.82 ? 2 : times[k] >= 2.3 && times[k] < 2.62 ? 1 : 0;
            assertThat(l[k]).as("token %d at %.3f s", k, times[k]).isEqualTo(expected);
        }
        assertThat(l[17]).isZero(); // 1.432
        assertThat(new long[] {l[18], l[19], l[20], l[21]}).containsOnly(2L); // 1.512 … 1.752
        assertThat(l[22]).isZero(); // 1.832
        assertThat(l[29]).isEqualTo(1); // 2.392: "zebra" is outside the vocabulary
    }

    @Test
    void maskedTokensGiveNoWordLoss() {
        Engine.getEngine(FusionModel.ENGINE).setRandomSeed(3);
        FusionConfig cfg = FusionConfig.tiny().withWords(List.of("set", "timer"));
        int b = 2;
        int ta = cfg.audioTokens();
        var in = dev.attend.fusion.model.RandomInputs.of(cfg, b, 4, new int[] {6, 3}, new int[] {2, 2});
        Targets base = new Targets(b, cfg.textTokens(), ta, new float[b], new float[b], new long[b],
                new float[b * cfg.textTokens() * ta], new float[b], new float[b * b], new float[b], new float[b * b]);
        long[] words = new long[b * ta];
        long[] other = new long[b * ta];
        for (int i = 0; i < words.length; i++) {
            words[i] = i % 4;
            other[i] = in.audioMask()[i] > 0 ? words[i] : (i + 1) % 4; // differs only where masked
        }
        try (FusionModel m = FusionModel.createInitialized(cfg); NDManager nd = NDManager.newBaseManager(FusionModel.ENGINE)) {
            NDList pred = m.forward(nd, in);
            FusionLoss loss = new FusionLoss(0.5f, m.net().textAudioWeightsIndex()).withWords(m.net().wordIndex());
            float a = loss.words(pred, with(base, words, in.audioMask()).toNDList(nd)).getFloat();
            float o = loss.words(pred, with(base, other, in.audioMask()).toNDList(nd)).getFloat();
            float none = loss.words(pred, with(base, words, new float[b * ta]).toNDList(nd)).getFloat();
            assertThat(a).isPositive().isEqualTo(o);
            assertThat(none).isZero();
            assertThat(loss.parts(pred, with(base, words, in.audioMask()).toNDList(nd))).hasSize(6);
            assertThat(pred.get(m.net().wordIndex()).getShape().getShape()).containsExactly(b, ta, 4);
        }
    }

    private static Targets with(Targets t, long[] words, float[] mask) {
        return new Targets(t.batch(), t.textTokens(), t.audioTokens(), t.sync(), t.addressee(), t.intent(), t.align(),
                t.avAnchor(), t.avColumns(), t.atAnchor(), t.atPositive(), t.slots(), words, mask);
    }

    /** Index check: the word logits come last, after the slot logits. */
    @Test
    void wordLogitsFollowTheSlotLogits() {
        FusionConfig cfg = FusionConfig.tiny().withWords(List.of("set"));
        try (FusionModel m = FusionModel.createInitialized(cfg)) {
            assertThat(m.net().wordIndex()).isEqualTo(m.net().slotIndex() + 1);
            assertThat(FusionNet.tasks(cfg)).isEqualTo(6);
        }
    }
}
