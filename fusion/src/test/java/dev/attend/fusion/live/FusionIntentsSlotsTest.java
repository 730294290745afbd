package dev.attend.fusion.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.attend.fusion.model.FusionConfig;
import dev.attend.fusion.model.FusionModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FusionIntentsSlotsTest {

    private static List<float[]> command(int n) {
        Random r = new Random(4);
        List<float[]> a = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] v = new float[FusionConfig.AUDIO_DIM];
            for (int k = 0; k < v.length; k++) {
                v[k] = (float) r.nextGaussian();
            }
            a.add(v);
        }
        return a;
    }

    @Test
    void aModelWithSlotHeadsGivesActionAndDurationDistributions() {
        try (FusionModel m = FusionModel.createInitialized(FusionConfig.tiny());
             FusionIntents fi = new FusionIntents(m, null)) {
            Map<String, Map<String, Double>> s = fi.slotProbabilities(command(5));
            assertThat(s).containsOnlyKeys("action", "duration");
            assertThat(s.get("action")).containsOnlyKeys("set", "list", "cancel", "create", "last", "today");
            assertThat(s.get("duration")).containsKeys("1", "300", "3600", "5400").hasSize(17 * 3);
            for (Map<String, Double> d : s.values()) {
                assertThat(d.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, offset(1e-6));
            }
        }
    }

    @Test
    void aModelWithoutSlotHeadsHasNoOpinion() {
        FusionConfig t = FusionConfig.tiny();
        FusionConfig old = new FusionConfig(t.dModel(), t.heads(), t.layers(), t.crossLayers(), t.ffnDim(), t.dropout(),
                t.audioTokens(), t.videoTokens(), t.textTokens(), t.intents(), t.timeCode(), t.audioPool(), false);
        try (FusionModel m = FusionModel.createInitialized(old); FusionIntents fi = new FusionIntents(m, null)) {
            assertThat(fi.slotProbabilities(command(5))).isEmpty();
            assertThat(fi.intentProbabilities(command(5))).hasSize(9);
        }
    }
}
