package dev.attend.ui.attention;

import dev.attend.event.AttentionEvent;
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
        if (times != null && i < times.length) {
            return String.format(java.util.Locale.ROOT, "%.2fs", times[i]);
        }
        if (i < tokens.size()) {
            return tokens.get(i);
        }
        return Integer.toString(i);
    }

    /**
     * The map of an event; null (so it is skipped) when the weights are missing or not a rectangular matrix.
     * On media-time axes ({@code audio}, {@code video}: the fusion model's maps) the labels are the steps' times in
     * seconds, read back into {@code queryTimes}/{@code keyTimes}; token axes keep them null.
     */
    public static AttentionMap of(AttentionEvent e) {
        float[][] w = rectangular(e.weights());
        if (w == null) {
            return null;
        }
        float[][] s = rectangular(e.scores());
        if (s != null && (s.length != w.length || s[0].length != w[0].length)) {
            s = null;
        }
        String qa = e.queryAxis() == null ? AttentionEvent.AXIS_TOKENS : e.queryAxis();
        String ka = e.keyAxis() == null ? AttentionEvent.AXIS_TOKENS : e.keyAxis();
        List<String> q = e.queries() == null ? List.of() : e.queries();
        List<String> k = e.keys() == null ? List.of() : e.keys();
        return new AttentionMap(e.t(), e.source() == null ? "?" : e.source(), e.utterance(), e.layer(), e.head(),
                qa, ka, q, k, times(qa, q, w.length), times(ka, k, w[0].length), w, s);
    }

    /** True for an axis whose positions are media times (audio or video steps). */
    public static boolean isTimeAxis(String axis) {
        return "audio".equals(axis) || "video".equals(axis);
    }

    /** The labels as seconds when the axis is media time and every label is a number; else null. */
    private static double[] times(String axis, List<String> labels, int n) {
        if (!isTimeAxis(axis) || labels.size() != n) {
            return null;
        }
        double[] t = new double[n];
        try {
            for (int i = 0; i < n; i++) {
                t[i] = Double.parseDouble(labels.get(i));
            }
        } catch (NumberFormatException ex) {
            return null;
        }
        return t;
    }

    private static float[][] rectangular(float[][] m) {
        if (m == null || m.length == 0 || m[0] == null) {
            return null;
        }
        for (float[] row : m) {
            if (row == null || row.length != m[0].length) {
                return null;
            }
        }
        return m;
    }
}
