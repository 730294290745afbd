package dev.attend.fusion.live;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import dev.attend.event.AttentionEvent;
import dev.attend.fusion.model.FusionConfig;
import dev.attend.fusion.model.FusionInputs;
import dev.attend.fusion.model.FusionModel;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StreamingTest {

    private static final FusionConfig CFG = new FusionConfig(16, 2, 1, 1, 32, 0f, 8, 8, 4, FusionConfig.INTENTS);

    private static float[] vec(int n, float v) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    @Test
    void windowUsesTrainingTimesPadsOnTheLeftAndTakesOnlyPastVideo() {
        StreamWindow w = new StreamWindow(CFG);
        w.addVideo(0.10, 3, vec(16, 0.5f)); // before the first audio token's time 0.152
        w.addAudio(0.072, vec(96, 1f));     // no video at or before 0.072 (within 0.12 s): no face
        w.addAudio(0.152, vec(96, 2f));     // the frame at 0.10 is 52 ms old: face 3
        FusionInputs in = w.inputs();
        assertThat(in.audioMask()).containsExactly(0, 0, 0, 0, 0, 0, 1, 1);
        assertThat(in.audioTime()[7]).isCloseTo((float) (7 * 0.08 + 0.072), org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(in.video()[6 * FusionConfig.VIDEO_DIM + 16]).isZero();
        assertThat(in.video()[7 * FusionConfig.VIDEO_DIM + 16]).isEqualTo(1f);
        assertThat(w.track()).isEqualTo(3);
        w.setWords(List.of(new StreamWindow.Word(0.1, vec(384, 1f), "hello")));
        assertThat(w.inputs().textMask()).containsExactly(1, 0, 0, 0);
    }

    @Test
    void stepGivesHeadsAndOnlyTheWatchedMapsWithRowsSummingToOne() {
        Engine.getEngine(FusionModel.ENGINE).setRandomSeed(4);
        try (FusionModel m = FusionModel.createInitialized(CFG); FusionRunner r = new FusionRunner(m)) {
            StreamWindow w = new StreamWindow(CFG);
            for (int i = 0; i < 5; i++) {
                w.addVideo(0.05 + 0.08 * i, 1, vec(16, 0.1f * i));
                w.addAudio(0.072 + 0.08 * i, vec(96, (float) Math.sin(i)));
            }
            w.setWords(List.of(new StreamWindow.Word(0.2, vec(384, 0.3f), "time")));
            FusionRunner.Result res = r.step(w, Set.of("audio<-video.0", "text<-audio.0"));
            Map<String, Double> p = res.heads().intents();
            assertThat(p.keySet()).containsExactlyElementsOf(FusionConfig.INTENTS);
            assertThat(p.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
                    org.assertj.core.data.Offset.offset(1e-3));
            assertThat(res.attention()).hasSize(2 * CFG.heads());
            for (AttentionEvent a : res.attention()) {
                assertThat(a.source()).isEqualTo("fusion");
                assertThat(a.weights().length).isEqualTo(a.queries().size());
                for (int q = 0; q < a.weights().length; q++) {
                    double sum = 0;
                    for (int k = 0; k < a.weights()[q].length; k++) {
                        sum += a.weights()[q][k];
                        if (!a.queryAxis().equals("text")) { // causal: no query attends to a later key
                            double qt = Double.parseDouble(a.queries().get(q));
                            double kt = Double.parseDouble(a.keys().get(k));
                            if (kt > qt + 1e-6) {
                                assertThat(a.weights()[q][k]).isLessThan(1e-30f);
                            }
                        }
                    }
                    assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
                }
            }
            assertThat(res.attention().get(0).keys()).hasSize(5); // padding is not exported
            assertThat(r.step(w, Set.of()).attention()).isEmpty();
        }
    }

    @Test
    void intentProbabilitiesCoverEveryIntent() {
        Engine.getEngine(FusionModel.ENGINE).setRandomSeed(6);
        try (FusionModel m = FusionModel.createInitialized(CFG); FusionIntents fi = new FusionIntents(m, vec(96, 0f))) {
            Map<String, Double> p = fi.intentProbabilities(List.of(vec(96, 1f), vec(96, 2f), vec(96, 3f)));
            assertThat(p.keySet()).containsExactly("time", "date", "timer", "note", "search", "translate_last",
                    "repeat", "stop", "none");
            assertThat(p.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
                    org.assertj.core.data.Offset.offset(1e-9));
            double a = fi.addresseeProbability(List.of(vec(96, 1f)), null);
            assertThat(a).isBetween(0.0, 1.0);
        }
    }
}
