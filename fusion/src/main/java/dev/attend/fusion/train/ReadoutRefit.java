package dev.attend.fusion.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attend.fusion.data.FusionData;
import dev.attend.fusion.data.FusionDataset;
import dev.attend.fusion.model.FusionConfig;
import dev.attend.fusion.model.FusionInputs;
import dev.attend.fusion.model.FusionModel;
import dev.attend.fusion.model.FusionNet;
import dev.attend.fusion.model.WordHead;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * Refits the audio-only intent readout ({@code audioIntent}, a linear layer on the standardized words heard) of a
 * trained word-head model: trained jointly it keeps moving with the features and is still rising when training
 * ends, while a multinomial logistic regression fitted to convergence on the final features reads them better.
 * Features are exactly what the layer sees in inference mode (no transcript), one window per training utterance;
 * λ is chosen on a separate validation folder in voices the model never trained on when one is given (session 7:
 * the training voices' posteriors are near-perfect, so every λ scores ≈ 1 on them), else on 10 % of the training
 * voices held out; then the fit on all training utterances is written into the layer. Nothing else changes.
 */
public final class ReadoutRefit {

    /** L2 strengths tried (on the mean cross-entropy). */
    static final float[] LAMBDAS = {1e-1f, 3e-2f, 1e-2f, 3e-3f, 1e-3f};
    static final double VALIDATION_VOICES = 0.1;
    static final float DEFAULT_LAMBDA = 1e-2f;
    private static final int BATCH = 48;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The words heard (N × F) of one in-sync window per utterance, their intent labels and voices. */
    record Features(float[] x, int[] labels, String[] voices, float[] logits) {
        int rows() { return labels.length; }
    }

    private ReadoutRefit() {
    }

    /** Refits {@code model}'s audio-only intent layer on {@code data}, λ by training voices held out. */
    public static ObjectNode apply(FusionModel model, FusionDataset data, long seed) {
        return apply(model, data, seed, null);
    }

    /**
     * Refits {@code model}'s audio-only intent layer on {@code data}; λ by accuracy on {@code validation} (voices
     * outside the training data; null: 10 % of the training voices). Returns a summary (λ, accuracies, CPU s).
     */
    public static ObjectNode apply(FusionModel model, FusionDataset data, long seed, FusionDataset validation) {
        FusionNet net = model.net();
        if (net.wordHead() == null || net.audioIntent() == null) {
            throw new IllegalArgumentException("the model has no word head, so no audio-only intent readout to refit "
                    + "(made with --no-word-head or before session 6)");
        }
        long cpu0 = cpuNanos();
        int classes = model.config().intents().size();
        try (NDManager root = NDManager.newBaseManager(FusionModel.ENGINE)) {
            Features all = features(model, data, root);
            if (validation != null) {
                return separate(model, all, features(model, validation, root), classes, root, cpu0);
            }
            int f = all.x().length / all.rows();
            // λ by training voices held out: the held-out evaluation set never takes part
            List<String> voices = new ArrayList<>(new TreeSet<>(List.of(all.voices())));
            java.util.Collections.shuffle(voices, new Random(seed));
            // one voice only (e.g. a test set): nothing to hold out, so the default λ
            java.util.Set<String> val = new java.util.HashSet<>(voices.size() < 2 ? List.of()
                    : voices.subList(0, Math.max(1, (int) Math.round(voices.size() * VALIDATION_VOICES))));
            Features fitPart = subset(all, f, val, false);
            Features valPart = subset(all, f, val, true);
            ObjectNode r = JSON.createObjectNode();
            ObjectNode byLambda = r.putObject("validationAccuracyByLambda");
            float bestLambda = DEFAULT_LAMBDA;
            double best = -1;
            for (float lambda : val.isEmpty() ? new float[0] : LAMBDAS) { // strongest first: a tie keeps the stronger penalty
                var fit = SoftmaxRegression.fit(root, fitPart.x(), fitPart.labels(), classes, lambda);
                double acc = accuracy(fit.predict(valPart.x()), valPart.labels());
                byLambda.put(Float.toString(lambda), round(acc));
                if (acc > best) {
                    best = acc;
                    bestLambda = lambda;
                }
            }
            if (!val.isEmpty()) {
                r.put("validationAccuracyJoint", round(accuracy(argMax(valPart.logits(), classes), valPart.labels())));
            }
            var fit = SoftmaxRegression.fit(root, all.x(), all.labels(), classes, bestLambda);
            r.put("trainingAccuracyJoint", round(accuracy(argMax(all.logits(), classes), all.labels())));
            write(net.audioIntent(), fit);
            r.put("trainingAccuracyRefit", round(accuracy(fit.predict(all.x()), all.labels())));
            r.put("lambda", bestLambda);
            r.put("iterations", SoftmaxRegression.ITERATIONS);
            r.put("utterances", all.rows());
            r.put("validationVoices", val.size());
            r.put("validationUtterances", valPart.rows());
            r.put("cpuSeconds", Math.round((cpuNanos() - cpu0) / 1e8) / 10.0);
            return r;
        }
    }

    /** λ by accuracy on a validation folder's windows (every λ fitted on all of {@code all}), then written. */
    private static ObjectNode separate(FusionModel model, Features all, Features val, int classes, NDManager root,
                                       long cpu0) {
        java.util.Set<String> trained = java.util.Set.of(new TreeSet<>(List.of(all.voices())).toArray(String[]::new));
        for (String v : new TreeSet<>(List.of(val.voices()))) {
            if (trained.contains(v)) {
                throw new IllegalArgumentException("the refit's validation data speaks in training voice " + v
                        + "; it needs voices the model never trained on");
            }
        }
        ObjectNode r = JSON.createObjectNode();
        ObjectNode byLambda = r.putObject("validationAccuracyByLambda");
        SoftmaxRegression.Fit best = null;
        float bestLambda = DEFAULT_LAMBDA;
        double bestAcc = -1;
        for (float lambda : LAMBDAS) { // strongest first: a tie keeps the stronger penalty
            var fit = SoftmaxRegression.fit(root, all.x(), all.labels(), classes, lambda);
            double acc = accuracy(fit.predict(val.x()), val.labels());
            byLambda.put(Float.toString(lambda), round(acc));
            if (acc > bestAcc) {
                bestAcc = acc;
                best = fit;
                bestLambda = lambda;
            }
        }
        r.put("validationAccuracyJoint", round(accuracy(argMax(val.logits(), classes), val.labels())));
        r.put("trainingAccuracyJoint", round(accuracy(argMax(all.logits(), classes), all.labels())));
        write(model.net().audioIntent(), best);
        r.put("trainingAccuracyRefit", round(accuracy(best.predict(all.x()), all.labels())));
        r.put("lambda", bestLambda);
        r.put("iterations", SoftmaxRegression.ITERATIONS);
        r.put("utterances", all.rows());
        r.set("validationVoices", JSON.valueToTree(new TreeSet<>(List.of(val.voices()))));
        r.put("validationUtterances", val.rows());
        r.put("cpuSeconds", Math.round((cpuNanos() - cpu0) / 1e8) / 10.0);
        return r;
    }

    /** The words heard of one in-sync window per utterance, exactly as {@code audioIntent} reads them. */
    static Features features(FusionModel model, FusionDataset data, NDManager root) {
        FusionConfig cfg = model.config();
        data.checkCompatible(cfg);
        List<Integer> ids = new ArrayList<>();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (FusionData.Sample s : data.samples()) {
            if ("sync".equals(s.condition()) && seen.add(s.utterance())) {
                ids.add(s.id());
            }
        }
        int k = cfg.intents().size();
        int n = ids.size();
        float[] x = null;
        float[] logits = new float[n * k];
        int[] labels = new int[n];
        String[] voices = new String[n];
        FusionNet net = model.net();
        for (int s = 0; s < n; s += BATCH) {
            int[] batch = ids.subList(s, Math.min(n, s + BATCH)).stream().mapToInt(Integer::intValue).toArray();
            try (NDManager m = root.newSubManager()) {
                FusionInputs in = data.inputs(cfg, batch, new boolean[batch.length]);
                NDList out = model.forward(m, in);
                NDArray mask = m.create(in.audioMask(), new Shape(batch.length, cfg.audioTokens()));
                NDArray heard = net.wordHead().standardizeHeard(new ParameterStore(m, false),
                        WordHead.pooledLogPosteriors(out.get(net.wordIndex()), mask,
                                net.wordHead().floor()), false);
                float[] h = heard.toFloatArray();
                int f = h.length / batch.length;
                if (x == null) {
                    x = new float[n * f];
                }
                System.arraycopy(h, 0, x, s * f, h.length);
                float[] l = out.get(FusionNet.INTENT).toFloatArray();
                System.arraycopy(l, 0, logits, s * k, l.length);
                for (int i = 0; i < batch.length; i++) {
                    FusionData.Utterance u = data.utterances().get(data.samples().get(batch[i]).utterance());
                    labels[s + i] = cfg.intents().indexOf(u.intent());
                    if (labels[s + i] < 0) {
                        throw new IllegalArgumentException("utterance " + u.id() + " has intent '" + u.intent()
                                + "', not one of the model's " + cfg.intents());
                    }
                    voices[s + i] = u.voice();
                }
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("the data has no in-sync windows to refit on");
        }
        return new Features(x, labels, voices, logits);
    }

    /** Writes the fit into the linear layer (DJL keeps its weight as units × inputs). */
    static void write(Linear layer, SoftmaxRegression.Fit fit) {
        float[] w = new float[fit.weight().length];
        for (int f = 0; f < fit.features(); f++) {
            for (int c = 0; c < fit.classes(); c++) {
                w[c * fit.features() + f] = fit.weight()[f * fit.classes() + c];
            }
        }
        layer.getParameters().get("weight").getArray().set(w);
        layer.getParameters().get("bias").getArray().set(fit.bias());
    }

    private static Features subset(Features a, int f, java.util.Set<String> voices, boolean inside) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < a.rows(); i++) {
            if (voices.contains(a.voices()[i]) == inside) {
                rows.add(i);
            }
        }
        int k = a.logits().length / a.rows();
        float[] x = new float[rows.size() * f];
        float[] l = new float[rows.size() * k];
        int[] y = new int[rows.size()];
        String[] v = new String[rows.size()];
        for (int j = 0; j < rows.size(); j++) {
            int i = rows.get(j);
            System.arraycopy(a.x(), i * f, x, j * f, f);
            System.arraycopy(a.logits(), i * k, l, j * k, k);
            y[j] = a.labels()[i];
            v[j] = a.voices()[i];
        }
        return new Features(x, y, v, l);
    }

    static int[] argMax(float[] logits, int k) {
        int[] out = new int[logits.length / k];
        for (int i = 0; i < out.length; i++) {
            for (int c = 1; c < k; c++) {
                if (logits[i * k + c] > logits[i * k + out[i]]) {
                    out[i] = c;
                }
            }
        }
        return out;
    }

    static double accuracy(int[] pred, int[] labels) {
        int hits = 0;
        for (int i = 0; i < labels.length; i++) {
            hits += pred[i] == labels[i] ? 1 : 0;
        }
        return labels.length == 0 ? Double.NaN : hits / (double) labels.length;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static long cpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }
}
