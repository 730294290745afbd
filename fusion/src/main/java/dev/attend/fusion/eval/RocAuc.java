package dev.attend.fusion.eval;

import java.util.Arrays;

/** Area under the ROC curve by the rank statistic (ties count one half). */
public final class RocAuc {

    private RocAuc() {
    }

    /** @throws IllegalArgumentException without both classes */
    public static double of(double[] scores, int[] labels) {
        int n = scores.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(scores[a], scores[b]));
        double rankSumPos = 0;
        long pos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[idx[j + 1]] == scores[idx[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (labels[idx[k]] == 1) {
                    rankSumPos += rank;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            throw new IllegalArgumentException("ROC-AUC needs positives and negatives (" + pos + "/" + neg + ")");
        }
        return (rankSumPos - pos * (pos + 1) / 2.0) / (pos * (double) neg);
    }
}
