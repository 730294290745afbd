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

    /** Row {@code q}'s scores, exp(s − max), their softmax and the event's weights; empty without scores. */
    static List<AttentionViewModel.FormulaRow> formula(AttentionMap m, int q) {
        if (m == null || m.scores() == null || q < 0 || q >= m.rows()) {
            return List.of();
        }
        float[] s = m.scores()[q];
        double max = Double.NEGATIVE_INFINITY;
        for (float v : s) {
            max = Math.max(max, v);
        }
        double[] ex = new double[s.length];
        double sum = 0;
        for (int j = 0; j < s.length; j++) {
            ex[j] = Math.exp(s[j] - max);
            sum += ex[j];
        }
        List<AttentionViewModel.FormulaRow> rows = new ArrayList<>();
        for (int j = 0; j < s.length; j++) {
            rows.add(new AttentionViewModel.FormulaRow(m.keyLabel(j), s[j], ex[j], ex[j] / sum, m.weights()[q][j]));
        }
        return rows;
    }
}
