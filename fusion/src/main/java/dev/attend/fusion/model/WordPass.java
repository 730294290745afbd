package dev.attend.fusion.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words in {@link FusionStream}: their self-attention (recomputed only when the words change) and, every step,
 * each word over the cached audio keys (text←audio), pooled for the intent head.
 */
final class WordPass {

    private final StreamWeights w;
    private final FusionConfig cfg;
    private final KeyRing selfKeys;
    private List<float[]> words = List.of();
    private double[] times = new double[0];
    private float[][] selfRows; // the words after text self-attention
    private final Map<String, FusionStream.Map2> selfMaps = new LinkedHashMap<>();

    WordPass(StreamWeights w, FusionConfig cfg) {
        this.w = w;
        this.cfg = cfg;
        this.selfKeys = new KeyRing(cfg.textTokens(), cfg.dModel());
    }

    /** Mean of the words' text←audio rows (D); zeros without words. Keeps the newest {@code textTokens} words. */
    float[] pooled(List<float[]> all, double[] allTimes, double[] keyTimes, List<KeyRing> taKeys, Set<String> watched,
                   Map<String, FusionStream.Map2> att) {
        int d = cfg.dModel();
        if (all.isEmpty()) {
            return new float[d];
        }
        int n = Math.min(all.size(), cfg.textTokens());
        int first = all.size() - n;
        List<float[]> used = all.subList(first, all.size());
        double[] usedTimes = Arrays.copyOfRange(allTimes, first, first + n);
        if (selfRows == null || !same(used, usedTimes)) {
            selfAttention(used, usedTimes);
        }
        for (int l = 0; l < cfg.layers(); l++) {
            String name = "text.self." + l;
            if (watched.contains(name)) {
                att.put(name, selfMaps.get(name));
            }
        }
        float[][] h = selfRows.clone();
        int k = keyTimes.length;
        for (int l = 0; l < w.crossTA.size(); l++) {
            RowLayer layer = w.crossTA.get(l);
            String name = "text<-audio." + l;
            boolean keep = watched.contains(name);
            int keys = taKeys.get(l).size();
            float[] wts = keep ? new float[layer.heads() * n * keys] : null;
            float[] sc = keep ? new float[layer.heads() * n * keys] : null;
            float[][] next = new float[n][];
            for (int i = 0; i < n; i++) {
                float[] sec = new float[k];
                for (int j = 0; j < k; j++) {
                    sec[j] = (float) Math.abs(usedTimes[i] - keyTimes[j]);
                }
                next[i] = layer.query(h[i], taKeys.get(l), sec, k - keys, wts, sc, i, n);
            }
            h = next;
            if (keep) {
                att.put(name, new FusionStream.Map2(layer.heads(), n, keys, wts, sc));
            }
        }
        float[] mean = new float[d];
        for (float[] row : h) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        return mean;
    }

    private void selfAttention(List<float[]> used, double[] usedTimes) {
        int n = used.size();
        float[][] h = new float[n][];
        for (int i = 0; i < n; i++) {
            h[i] = w.text.apply(used.get(i));
        }
        selfMaps.clear();
        for (int l = 0; l < w.selfT.size(); l++) {
            RowLayer layer = w.selfT.get(l);
            selfKeys.clear();
            for (float[] row : h) {
                layer.cache(row, selfKeys);
            }
            float[] wts = new float[layer.heads() * n * n];
            float[] sc = new float[layer.heads() * n * n];
            float[][] next = new float[n][];
            for (int i = 0; i < n; i++) {
                float[] sec = new float[n];
                for (int j = 0; j < n; j++) {
                    sec[j] = (float) Math.abs(usedTimes[i] - usedTimes[j]);
                }
                next[i] = layer.query(h[i], selfKeys, sec, 0, wts, sc, i, n);
            }
            h = next;
            selfMaps.put("text.self." + l, new FusionStream.Map2(layer.heads(), n, n, wts, sc));
        }
        selfRows = h;
        words = List.copyOf(used);
        times = usedTimes;
    }

    private boolean same(List<float[]> used, double[] usedTimes) {
        if (used.size() != words.size() || !Arrays.equals(usedTimes, times)) {
            return false;
        }
        for (int i = 0; i < used.size(); i++) {
            if (used.get(i) != words.get(i) && !Arrays.equals(used.get(i), words.get(i))) {
                return false;
            }
        }
        return true;
    }
}
