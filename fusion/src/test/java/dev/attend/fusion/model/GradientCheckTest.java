package dev.attend.fusion.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.attend.fusion.train.FusionLoss;
import dev.attend.fusion.train.Targets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Autograd's gradient of the full multi-task loss against central differences, on a tiny model. */
class GradientCheckTest {

    @Test
    void analyticGradientsMatchFiniteDifferences() {
        check(FusionConfig.tiny(), 4);
    }

    @Test
    void withAWordHeadToo() {
        check(FusionConfig.tiny().withWords(java.util.List.of("set", "timer")), 0); // the words heard replace the pools
    }

    private static void check(FusionConfig cfg, int poolEntries) {
        Engine.getEngine(FusionModel.ENGINE).setRandomSeed(5);
        int b = 4;
        FusionInputs in = RandomInputs.of(cfg, b, 3, new int[] {6, 6, 5, 6}, new int[] {4, 3, 4, 2});
        Targets y = withWords(targets(cfg, b), in.audioMask());
        try (FusionModel fm = FusionModel.create(cfg);
             Trainer trainer = fm.djlModel().newTrainer(new DefaultTrainingConfig(Loss.l2Loss()))) {
            trainer.initialize(FusionInputs.shapes(b, cfg));
            FusionLoss loss = new FusionLoss(0.5f, fm.net().textAudioWeightsIndex()).withWords(fm.net().wordIndex());
            String[] names = {"projA", "crossTA0", "intentHead", "embT", "logVars", "selfV0", "syncHead", "intentPool",
                "textPool", "wordHead", "zAt"};
            try (NDManager m = trainer.getManager().newSubManager()) {
                NDList x = in.toNDList(m);
                NDList t = y.toNDList(m);
                try (GradientCollector gc = trainer.newGradientCollector()) {
                    NDList pred = trainer.forward(x);
                    gc.backward(loss.weighted(loss.parts(pred, t), pred.get(FusionNet.LOG_VARS)));
                }
                int checked = 0;
                int pools = 0;
                int words = 0;
                for (var pair : fm.net().getParameters()) {
                    String name = pair.getKey();
                    boolean wanted = false;
                    for (String n : names) {
                        wanted |= name.contains(n);
                    }
                    if (!wanted || !name.endsWith("weight") && !name.endsWith("query") && !name.contains("emb")
                            && !name.contains("logVars")) {
                        continue;
                    }
                    Parameter p = pair.getValue();
                    NDArray arr = p.getArray();
                    float[] grad = arr.getGradient().toFloatArray();
                    for (int e : new int[] {0, (int) arr.size() / 2}) {
                        float numeric = numeric(fm, loss, x, t, arr, e, m, name.contains("wordHead"));
                        assertThat((double) grad[e]).as("%s[%d]", name, e)
                                .isCloseTo(numeric, org.assertj.core.data.Offset.offset(2e-3 + 0.03 * Math.abs(numeric)));
                        checked++;
                        pools += name.contains("Pool") ? 1 : 0;
                        words += name.contains("wordHead") ? 1 : 0;
                    }
                }
                assertThat(checked).isGreaterThanOrEqualTo(10);
                assertThat(pools).as("attention-pool queries checked").isEqualTo(poolEntries);
                assertThat(words).as("word head weights checked").isEqualTo(cfg.wordHead() ? 4 : 0);
            }
        }
    }

    private static float numeric(FusionModel fm, FusionLoss loss, NDList x, NDList t, NDArray arr, int e, NDManager m,
                                 boolean wordTerm) {
        float eps = 1e-2f;
        long[] idx = unravel(e, arr.getShape().getShape());
        float v = arr.getFloat(idx);
        arr.set(new NDIndex(idx), v + eps);
        float up = eval(fm, loss, x, t, m, wordTerm);
        arr.set(new NDIndex(idx), v - eps);
        float down = eval(fm, loss, x, t, m, wordTerm);
        arr.set(new NDIndex(idx), v);
        return (up - down) / (2 * eps);
    }

    /**
     * The objective; for the word head's weights only its own term ½·exp(−s)·L_word: the other heads read the word
     * posteriors with the gradient stopped, so the analytic gradient is that term's alone (by design).
     */
    private static float eval(FusionModel fm, FusionLoss loss, NDList x, NDList t, NDManager parent, boolean wordTerm) {
        try (NDManager m = parent.newSubManager()) {
            NDList pred = fm.net().forward(new ParameterStore(m, false), x, false);
            NDArray[] parts = loss.parts(pred, t);
            if (wordTerm) {
                float s = pred.get(FusionNet.LOG_VARS).getFloat(FusionNet.TASKS);
                return (float) (0.5 * Math.exp(-s) * parts[FusionNet.TASKS].getFloat());
            }
            return loss.weighted(parts, pred.get(FusionNet.LOG_VARS)).getFloat();
        }
    }

    private static long[] unravel(long flat, long[] shape) {
        long[] idx = new long[shape.length];
        for (int i = shape.length - 1; i >= 0; i--) {
            idx[i] = flat % shape[i];
            flat /= shape[i];
        }
        return idx;
    }

    /** Word labels 0…3 on every audio token, scored where the audio is real. */
    private static Targets withWords(Targets t, float[] audioMask) {
        Random r = new Random(11);
        long[] words = new long[audioMask.length];
        for (int i = 0; i < words.length; i++) {
            words[i] = r.nextInt(4);
        }
        return new Targets(t.batch(), t.textTokens(), t.audioTokens(), t.sync(), t.addressee(), t.intent(), t.align(),
                t.avAnchor(), t.avColumns(), t.atAnchor(), t.atPositive(), t.slots(), words, audioMask.clone());
    }

    static Targets targets(FusionConfig cfg, int b) {
        Random r = new Random(9);
        int tt = cfg.textTokens();
        int ta = cfg.audioTokens();
        float[] sync = {1, 0, 1, 0};
        float[] addr = {1, 0, 0, 0};
        long[] intent = {0, 3, 8, 5};
        float[] align = new float[b * tt * ta];
        for (int i = 0; i < b; i++) {
            for (int w = 0; w < 2; w++) {
                align[(i * tt + w) * ta + r.nextInt(ta)] = 1;
            }
        }
        float[] avAnchor = {1, 0, 1, 0};
        float[] cols = new float[b * b];
        java.util.Arrays.fill(cols, 1f);
        float[] atAnchor = {1, 0, 1, 0};
        float[] atPos = new float[b * b];
        for (int i = 0; i < b; i++) {
            atPos[i * b + i] = 1;
        }
        return new Targets(b, tt, ta, sync, addr, intent, align, avAnchor, cols, atAnchor, atPos);
    }
}
