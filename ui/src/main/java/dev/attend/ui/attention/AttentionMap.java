package dev.attend.ui.attention;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code attention} event: a layer×head map from query positions to key positions. Axes are {@code tokens}
 * (labels in {@code queries}/{@code keys}) or media time ({@code audio}, {@code video}: {@code queryTimes}/
 * {@code keyTimes}). {@code scores} (pre-softmax q·k/√d + mask) is null when the source does not send it.
 */
public record AttentionMap(double t, String source, int utterance, int layer, int head, String queryAxis,
                           String keyAxis, List<String> queries, List<String> keys, double[] queryTimes,
                           double[] keyTimes, float[][] weights, float[][] scores) {

    public String block() {
        return queryAxis + " → " + keyAxis;
    }

    public int rows() {
        return weights.length;
    }

    public int cols() {
        return weights.length == 0 ? 0 : weights[0].length;
    }

    /** Label of query row {@code i}: its token, or its media time. */
    public String queryLabel(int i) {
        return label(queries, queryTimes, i);
    }

    public String keyLabel(int j) {
        return label(keys, keyTimes, j);
    }

    private static String label(List<String> tokens, double[] times, int i) {
        if (i < tokens.size()) {
            return tokens.get(i);
        }
        if (times != null && i < times.length) {
            return String.format("%.2fs", times[i]);
        }
        return Integer.toString(i);
    }

    /**
     * Parses an event; returns null (so it is skipped) when the weights are missing or not a rectangular matrix.
     */
    public static AttentionMap parse(JsonNode e) {
        float[][] w = matrix(e.path("weights"));
        if (w == null || w.length == 0) {
            return null;
        }
        float[][] s = matrix(e.path("scores"));
        if (s != null && (s.length != w.length || s[0].length != w[0].length)) {
            s = null;
        }
        return new AttentionMap(e.path("t").asDouble(), e.path("source").asText("?"), e.path("utterance").asInt(-1),
                e.path("layer").asInt(), e.path("head").asInt(), e.path("queryAxis").asText("tokens"),
                e.path("keyAxis").asText("tokens"), strings(e.path("queries")), strings(e.path("keys")),
                doubles(e.path("queryTimes")), doubles(e.path("keyTimes")), w, s);
    }

    private static float[][] matrix(JsonNode a) {
        if (!a.isArray() || a.isEmpty()) {
            return null;
        }
        int cols = a.get(0).size();
        float[][] m = new float[a.size()][cols];
        for (int i = 0; i < a.size(); i++) {
            JsonNode row = a.get(i);
            if (row.size() != cols) {
                return null;
            }
            for (int j = 0; j < cols; j++) {
                m[i][j] = (float) row.get(j).asDouble();
            }
        }
        return m;
    }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }

    private static double[] doubles(JsonNode a) {
        if (!a.isArray() || a.isEmpty()) {
            return null;
        }
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }
}
