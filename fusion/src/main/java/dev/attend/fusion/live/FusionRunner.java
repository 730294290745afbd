package dev.attend.fusion.live;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.attend.event.AttentionEvent;
import dev.attend.event.FusionEvent;
import dev.attend.fusion.model.FusionConfig;
import dev.attend.fusion.model.FusionInputs;
import dev.attend.fusion.model.FusionModel;
import dev.attend.fusion.model.FusionNet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One streaming step of the live model: the window in, the heads and the watched attention maps out. Only the maps
 * named in the watch set are copied out of the native tensors (copying is what costs). Each step's arrays live on
 * a per-call manager closed before returning, so memory stays flat. Not thread-safe (one per stage).
 *
 * <p>A relative-time model runs incrementally ({@link IncrementalSteps}: one query row per layer and step, a score
 * per tracked face); an older absolute-time checkpoint runs the whole window every step.
 */
public final class FusionRunner implements AutoCloseable {

    /** What one step produced. */
    public record Result(FusionEvent heads, List<AttentionEvent> attention) {
    }

    private final FusionModel model;
    private final NDManager root;
    private final List<String> names;
    private final IncrementalSteps incremental;
    private long step;

    public FusionRunner(FusionModel model) {
        this.model = model;
        this.root = NDManager.newBaseManager(FusionModel.ENGINE);
        this.names = model.net().attentionNames();
        this.incremental = model.config().relativeTime() ? new IncrementalSteps(model) : null;
    }

    /** Whether steps are incremental (cached keys and values) rather than whole windows. */
    public boolean incremental() {
        return incremental != null;
    }

    public List<String> attentionNames() {
        return names;
    }

    /**
     * @param watched attention names to export ({@link FusionNet#attentionNames()}); empty = none
     */
    public Result step(StreamWindow w, Set<String> watched) {
        return step(w, watched, true);
    }

    /**
     * @param watched attention names being watched: an incremental model copies their new rows every step
     * @param export  whether this step emits the watched maps as attention events
     */
    public Result step(StreamWindow w, Set<String> watched, boolean export) {
        if (incremental != null) {
            return incremental.step(w, watched, export, step++);
        }
        if (!export) {
            watched = Set.of();
        }
        FusionConfig cfg = model.config();
        FusionInputs in = w.inputs();
        List<StreamWindow.Word> words = w.wordsInWindow();
        double start = w.start();
        try (NDManager m = root.newSubManager()) {
            NDList out = model.forward(m, in);
            double sync = sigmoid(out.get(FusionNet.SYNC).getFloat(0));
            double addr = sigmoid(out.get(FusionNet.ADDRESSEE).getFloat(0));
            float[] p = out.get(FusionNet.INTENT).softmax(1).toFloatArray();
            Map<String, Double> intents = new LinkedHashMap<>();
            int best = 0;
            for (int i = 0; i < p.length; i++) {
                intents.put(cfg.intents().get(i), Math.round(p[i] * 1e4) / 1e4);
                best = p[i] > p[best] ? i : best;
            }
            FusionEvent heads = new FusionEvent(round(w.end()), step, round(start), round(sync), round(addr),
                    cfg.intents().get(best), Math.round(p[best] * 1e4) / 1e4, intents, w.track(), words.size());
            List<AttentionEvent> att = new ArrayList<>();
            if (!watched.isEmpty()) {
                int pad = cfg.audioTokens() - w.size();
                List<String> times = new ArrayList<>();
                for (double t : w.times()) {
                    times.add(String.format(Locale.ROOT, "%.2f", t));
                }
                List<String> text = new ArrayList<>();
                for (StreamWindow.Word word : words) {
                    text.add(word.text());
                }
                for (int a = 0; a < names.size(); a++) {
                    String name = names.get(a);
                    if (!watched.contains(name)) {
                        continue;
                    }
                    att.addAll(export(name, out.get(FusionNet.FIRST_ATTENTION + a),
                            out.get(FusionNet.FIRST_ATTENTION + names.size() + a), pad, times, text));
                }
            }
            step++;
            return new Result(heads, att);
        }
    }

    private List<AttentionEvent> export(String name, NDArray weights, NDArray scores, int pad, List<String> times,
                                        List<String> text) {
        // names: "<query>.self.<layer>" or "<query><-<key>.<layer>"
        String query = name.contains("<-") ? name.substring(0, name.indexOf("<-")) : name.substring(0, name.indexOf('.'));
        String key = name.contains("<-") ? name.substring(name.indexOf("<-") + 2, name.lastIndexOf('.')) : query;
        int layer = Integer.parseInt(name.substring(name.lastIndexOf('.') + 1));
        List<String> q = "text".equals(query) ? text : times;
        List<String> k = "text".equals(key) ? text : times;
        int q0 = "text".equals(query) ? 0 : pad;
        int k0 = "text".equals(key) ? 0 : pad;
        if (q.isEmpty() || k.isEmpty()) {
            return List.of();
        }
        long[] s = weights.getShape().getShape();
        float[] w = weights.toFloatArray();
        float[] sc = scores.toFloatArray();
        List<AttentionEvent> out = new ArrayList<>();
        for (int h = 0; h < s[1]; h++) {
            float[][] wm = new float[q.size()][k.size()];
            float[][] sm = new float[q.size()][k.size()];
            for (int i = 0; i < q.size(); i++) {
                for (int j = 0; j < k.size(); j++) {
                    int idx = (int) ((h * s[2] + q0 + i) * s[3] + k0 + j);
                    wm[i][j] = w[idx];
                    sm[i][j] = sc[idx];
                }
            }
            out.add(new AttentionEvent(round(Double.parseDouble(times.get(times.size() - 1))), "fusion", (int) step,
                    layer, h, query, key, q, k, wm, sm));
        }
        return out;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    @Override
    public void close() {
        if (incremental != null) {
            incremental.close();
        }
        root.close();
    }
}
