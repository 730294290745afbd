package dev.attend.ui.attention;

import java.util.ArrayList;
import java.util.List;

/** The lab's arithmetic on maps that arrived: the mean over heads, and the softmax behind one query row. */
final class AttentionMath {

    private AttentionMath() {
    }

    /**
     * The mean of the heads' weights (maps of another shape are left out); scores are not carried, since they have
     * no meaning averaged. Null for no maps.
     */
    static AttentionMap averageHeads(List<AttentionMap> ms) {
        if (ms.isEmpty()) {
            return null;
        }
        AttentionMap first = ms.get(0);
        float[][] avg = new float[first.rows()][first.cols()];
        int n = 0;
        for (AttentionMap m : ms) {
            if (m.rows() != first.rows() || m.cols() != first.cols()) {
                continue;
            }
            n++;
            for (int i = 0; i < avg.length; i++) {
                for (int j = 0; j < avg[i].length; j++) {
                    avg[i][j] += m.weights()[i][j];
                }
            }
        }
        for (float[] row : avg) {
            for (int j = 0; j < row.length; j++) {
                row[j] /= n;
            }
        }
        return new AttentionMap(first.t(), first.source(), first.utterance(), first.layer(),
                AttentionViewModel.AVERAGE, first.queryAxis(), first.keyAxis(), first.queries(), first.keys(),
                first.queryTimes(), first.keyTimes(), avg, null);
    }

    /**
     * Keys a causal map hides from query {@code q}: on media-time axes (the fusion model's audio and video) a query
     * sees no key later than itself; its event's scores are sent without that mask.
     */
    static boolean[] causalMask(AttentionMap m, int q) {
        boolean[] masked = new boolean[m.cols()];
        double[] qt = m.queryTimes();
        double[] kt = m.keyTimes();
        if (qt != null && kt != null && q < qt.length) {
            for (int j = 0; j < kt.length && j < masked.length; j++) {
                masked[j] = kt[j] > qt[q] + 1e-6;
            }
        }
        return masked;
    }

    /**
     * Row {@code q}'s scores, exp(s − max), their softmax and the event's weights (keys a causal map hides get exp
     * 0); empty without scores.
     */
    static List<AttentionViewModel.FormulaRow> formula(AttentionMap m, int q) {
        if (m == null || m.scores() == null || q < 0 || q >= m.rows()) {
            return List.of();
        }
        float[] s = m.scores()[q];
        boolean[] masked = causalMask(m, q);
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < s.length; j++) {
            if (!masked[j]) {
                max = Math.max(max, s[j]);
            }
        }
        double[] ex = new double[s.length];
        double sum = 0;
        for (int j = 0; j < s.length; j++) {
            ex[j] = masked[j] ? 0 : Math.exp(s[j] - max);
            sum += ex[j];
        }
        List<AttentionViewModel.FormulaRow> rows = new ArrayList<>();
        for (int j = 0; j < s.length; j++) {
            rows.add(new AttentionViewModel.FormulaRow(m.keyLabel(j), s[j], ex[j], ex[j] / sum, m.weights()[q][j]));
        }
        return rows;
    }
}
