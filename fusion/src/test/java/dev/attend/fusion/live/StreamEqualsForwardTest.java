package dev.attend.fusion.live;

import static dev.attend.fusion.live.RandomVectors.gauss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.attend.fusion.model.FusionConfig;
import dev.attend.fusion.model.FusionModel;
import dev.attend.fusion.model.FusionNet;
import dev.attend.fusion.model.FusionStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The plain-Java streaming step ({@link FusionStream}) against the network's libtorch forward on the same window:
 * every head to 1e-5 and the newest query's attention row of every watched map equal to the forward's, while the
 * window fills (after that the stream is sliding-window attention by design).
 */
class StreamEqualsForwardTest {

    // with a word head (new models): its window max/mean of word posteriors feed the intent head
    private static final FusionConfig CFG = new FusionConfig(16, 2, 2, 1, 32, 0f, 10, 10, 4, FusionConfig.INTENTS)
            .withWords(List.of("set", "a", "timer"));

    @Test
    void everyStepEqualsTheCausalForwardToOneInAHundredThousand() {
        Engine.getEngine(FusionModel.ENGINE).setRandomSeed(21);
        Random r = new Random(4);
        Set<String> watched = Set.of("audio.self.0", "audio.self.1", "video.self.1", "audio<-video.0",
                "video<-audio.0", "text<-audio.0", "text.self.1");
        try (FusionModel m = FusionModel.createInitialized(CFG); FusionStream stream = new FusionStream(m);
             NDManager nd = NDManager.newBaseManager(FusionModel.ENGINE)) {
            StreamWindow w = new StreamWindow(CFG);
            List<StreamWindow.Word> words = List.of(new StreamWindow.Word(0.15, gauss(r, 384), "set"),
                    new StreamWindow.Word(0.4, gauss(r, 384), "a"), new StreamWindow.Word(0.6, gauss(r, 384), "timer"));
            w.setWords(words);
            List<String> names = FusionNet.attentionNames(CFG);
            double last = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < CFG.audioTokens(); i++) {
                double t = 0.072 + 0.08 * i;
                w.addVideo(t - 0.02, 1, gauss(r, 16));
                w.addAudio(t, gauss(r, 96));
                StreamWindow.StepToken s = w.stepsAfter(last).get(0);
                last = t;
                List<StreamWindow.Word> seen = w.wordsInWindow(); // what the live steps pass: words up to now
                List<float[]> vectors = new ArrayList<>();
                double[] times = new double[seen.size()];
                for (int k = 0; k < seen.size(); k++) {
                    vectors.add(seen.get(k).vector());
                    times[k] = seen.get(k).t();
                }
                FusionStream.Step step = stream.step(t, s.audio(), w.faceTokens(t), 1, vectors, times, watched);
                try (NDManager sub = nd.newSubManager()) {
                    NDList out = m.forward(sub, w.inputs());
                    assertThat(step.sync()).isCloseTo(sigmoid(out.get(FusionNet.SYNC).getFloat(0)), within(1e-5));
                    assertThat(step.addressee())
                            .isCloseTo(sigmoid(out.get(FusionNet.ADDRESSEE).getFloat(0)), within(1e-5));
                    float[] p = out.get(FusionNet.INTENT).softmax(1).toFloatArray();
                    for (int k = 0; k < p.length; k++) {
                        assertThat((double) step.intent()[k]).isCloseTo(p[k], within(1e-5));
                    }
                    int n = i + 1;
                    int pad = CFG.audioTokens() - n;
                    for (String name : watched) {
                        FusionStream.Map2 map = step.attention().get(name);
                        if (name.startsWith("text") && seen.isEmpty()) {
                            assertThat(map).isNull();
                            continue;
                        }
                        NDArray full = out.get(FusionNet.FIRST_ATTENTION + names.indexOf(name));
                        long[] shape = full.getShape().getShape(); // (1,H,Tq,Tk)
                        float[] fw = full.toFloatArray();
                        boolean text = name.startsWith("text");
                        int queries = text ? seen.size() : 1;
                        int keys = name.equals("text.self.1") ? seen.size() : n;
                        assertThat(map.queries()).isEqualTo(queries);
                        assertThat(map.keys()).isEqualTo(keys);
                        for (int h = 0; h < CFG.heads(); h++) {
                            for (int q = 0; q < queries; q++) {
                                int fq = text ? q : (int) shape[2] - 1; // the newest audio/video query
                                double sum = 0;
                                for (int k = 0; k < keys; k++) {
                                    int fk = name.equals("text.self.1") ? k : pad + k;
                                    float expected = fw[(int) (((h * shape[2]) + fq) * shape[3] + fk)];
                                    float got = map.weights()[(h * queries + q) * keys + k];
                                    assertThat((double) got).as("%s h%d q%d k%d", name, h, q, k)
                                            .isCloseTo(expected, within(1e-5));
                                    sum += got;
                                }
                                assertThat(sum).isCloseTo(1.0, within(1e-5));
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void noStreamingQuerySeesAFutureKey() {
        Engine.getEngine(FusionModel.ENGINE).setRandomSeed(22);
        Random r = new Random(7);
        try (FusionModel m = FusionModel.createInitialized(CFG); FusionStream stream = new FusionStream(m)) {
            for (int i = 0; i < 2 * CFG.audioTokens(); i++) {
                double t = 0.072 + 0.08 * i;
                FusionStream.Step s = stream.step(t, gauss(r, 96), Map.of(1, gauss(r, 17)), 1, List.of(), new double[0],
                        Set.of("audio.self.0", "audio<-video.0", "video<-audio.0"));
                // keys are the window's steps up to now: the newest is the query's own time
                assertThat(s.keyTimes()[s.keyTimes().length - 1]).isEqualTo(t);
                assertThat(s.keyTimes()).hasSize(Math.min(i + 1, CFG.audioTokens()));
                for (FusionStream.Map2 map : s.attention().values()) {
                    assertThat(map.keys()).isLessThanOrEqualTo(s.keyTimes().length);
                }
            }
        }
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
