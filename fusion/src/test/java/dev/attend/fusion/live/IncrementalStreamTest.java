package dev.attend.fusion.live;

import static dev.attend.fusion.live.RandomVectors.gauss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.attend.event.AttentionEvent;
import dev.attend.event.FusionEvent;
import dev.attend.fusion.model.FusionConfig;
import dev.attend.fusion.model.FusionModel;
import dev.attend.fusion.model.FusionNet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The cached (incremental) stream against the whole-window forward, and per-face scores. */
class IncrementalStreamTest {

    private static final FusionConfig CFG = new FusionConfig(16, 2, 2, 1, 32, 0f, 8, 8, 4, FusionConfig.INTENTS);

    @Test
    void whileTheWindowFillsEachStepEqualsTheWholeWindowForward() {
        Engine.getEngine(FusionModel.ENGINE).setRandomSeed(3);
        Random r = new Random(5);
        try (FusionModel m = FusionModel.createInitialized(CFG); FusionRunner run = new FusionRunner(m);
             NDManager nd = NDManager.newBaseManager(FusionModel.ENGINE)) {
            assertThat(run.incremental()).isTrue();
            StreamWindow w = new StreamWindow(CFG);
            w.setWords(List.of(new StreamWindow.Word(0.1, gauss(r, 384), "what"),
                    new StreamWindow.Word(0.35, gauss(r, 384), "time")));
            for (int i = 0; i < CFG.audioTokens(); i++) {
                double t = 0.072 + 0.08 * i;
                if (i != 3 && i != 4) { // missed detections: no face at step 4 (step 3 reuses an 80-ms-old frame)
                    w.addVideo(t - 0.03, 1, gauss(r, 16));
                }
                w.addAudio(t, gauss(r, 96));
                FusionEvent e = run.step(w, Set.of(), false).heads();
                try (NDManager s = nd.newSubManager()) {
                    NDList out = m.forward(s, w.inputs());
                    // the event rounds to 1e-4; StreamEqualsForwardTest checks the stream itself to 1e-5
                    assertThat(e.sync()).isCloseTo(sigmoid(out.get(FusionNet.SYNC).getFloat(0)), within(1e-4));
                    assertThat(e.addressee()).isCloseTo(sigmoid(out.get(FusionNet.ADDRESSEE).getFloat(0)), within(1e-4));
                    float[] p = out.get(FusionNet.INTENT).softmax(1).toFloatArray();
                    for (int k = 0; k < p.length; k++) {
                        assertThat(e.intents().get(CFG.intents().get(k))).isCloseTo(p[k], within(1e-4));
                    }
                }
            }
        }
    }

    @Test
    void everyTrackedFaceGetsItsOwnScoreUnaffectedByTheOthers() {
        Engine.getEngine(FusionModel.ENGINE).setRandomSeed(8);
        try (FusionModel m = FusionModel.createInitialized(CFG)) {
            List<FusionEvent> alone = run(m, false);
            List<FusionEvent> both = run(m, true);
            for (int i = 0; i < alone.size(); i++) {
                FusionEvent a = alone.get(i);
                FusionEvent b = both.get(i);
                assertThat(a.faces()).extracting(FusionEvent.FaceScore::track).containsExactly(1);
                assertThat(b.faces()).extracting(FusionEvent.FaceScore::track).containsExactly(1, 2);
                // face 2 is larger: it is the main face, and its score is the event's
                assertThat(b.track()).isEqualTo(2);
                assertThat(b.sync()).isEqualTo(b.faces().get(1).sync());
                // face 1's stream does not depend on face 2 being there
                assertThat(b.faces().get(0).sync()).isCloseTo(a.faces().get(0).sync(), within(1e-4));
                assertThat(b.faces().get(0).addressee()).isCloseTo(a.faces().get(0).addressee(), within(1e-4));
            }
            assertThat(both.get(both.size() - 1).faces().get(0).sync())
                    .isNotCloseTo(both.get(both.size() - 1).faces().get(1).sync(), within(1e-6));
        }
    }

    private static List<FusionEvent> run(FusionModel m, boolean secondFace) {
        Random r = new Random(11);
        List<FusionEvent> out = new java.util.ArrayList<>();
        try (FusionRunner run = new FusionRunner(m)) {
            StreamWindow w = new StreamWindow(CFG);
            for (int i = 0; i < 2 * CFG.audioTokens(); i++) { // past the window: caches slide
                double t = 0.072 + 0.08 * i;
                float[] f1 = gauss(r, 16);
                f1[10] = 0.2f;
                float[] f2 = gauss(r, 16);
                f2[10] = 0.6f; // size: the larger face is the main one
                w.addVideo(t - 0.02, 1, f1);
                if (secondFace) {
                    w.addVideo(t - 0.02, 2, f2);
                }
                w.addAudio(t, gauss(r, 96));
                out.add(run.step(w, Set.of(), false).heads());
            }
        }
        return out;
    }

    @Test
    void exportedMapsAreCausalRowsOfTheWindowSummingToOneWhileItFills() {
        Engine.getEngine(FusionModel.ENGINE).setRandomSeed(9);
        Random r = new Random(2);
        Set<String> watched = Set.of("audio.self.1", "audio<-video.0", "text<-audio.0");
        try (FusionModel m = FusionModel.createInitialized(CFG); FusionRunner run = new FusionRunner(m)) {
            StreamWindow w = new StreamWindow(CFG);
            w.setWords(List.of(new StreamWindow.Word(0.1, gauss(r, 384), "hi")));
            List<AttentionEvent> last = List.of();
            for (int i = 0; i < CFG.audioTokens(); i++) {
                double t = 0.072 + 0.08 * i;
                w.addVideo(t - 0.01, 1, gauss(r, 16));
                w.addAudio(t, gauss(r, 96));
                last = run.step(w, watched, i == CFG.audioTokens() - 1).attention();
                if (i < CFG.audioTokens() - 1) {
                    assertThat(last).isEmpty();
                }
            }
            assertThat(last).hasSize(3 * CFG.heads());
            for (AttentionEvent a : last) {
                assertThat(a.keys()).hasSize(a.keyAxis().equals("text") ? 1 : CFG.audioTokens());
                assertThat(a.weights()).hasNumberOfRows(a.queries().size());
                for (int q = 0; q < a.weights().length; q++) {
                    double sum = 0;
                    for (int k = 0; k < a.weights()[q].length; k++) {
                        sum += a.weights()[q][k];
                        if (!a.queryAxis().equals("text")
                                && Double.parseDouble(a.keys().get(k)) > Double.parseDouble(a.queries().get(q)) + 1e-6) {
                            assertThat(a.weights()[q][k]).isZero();
                        }
                    }
                    assertThat(sum).isCloseTo(1.0, within(1e-5));
                }
            }
        }
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
