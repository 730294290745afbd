package dev.attend.encoders.audio.wake;

/**
 * One model's scores of one 80 ms block, per block phase ({@code NaN} where a phase was not scored: gate closed,
 * or no full history yet).
 *
 * @param block block number
 * @param t     media time each phase's newest token ends ({@code NaN} where not scored); do not modify
 * @param score score per phase, phase 0 being openWakeWord's own; do not modify
 */
public record PhaseScores(long block, double[] t, float[] score) {

    /** The phase with the highest score (the lowest phase on a tie), or -1 when none was scored. */
    public int best() {
        int best = -1;
        for (int p = 0; p < score.length; p++) {
            if (!Float.isNaN(score[p]) && (best < 0 || score[p] > score[best])) {
                best = p;
            }
        }
        return best;
    }

    /**
     * The {@code k}-th highest score (k = 1: the best), unscored phases counting as 0 (they were below the gate, so
     * below the threshold): with k = 2 a detection needs two phases 10–40 ms apart at the threshold, which a word
     * gives and a one-phase blip does not.
     */
    public float kth(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1: " + k);
        }
        float[] v = new float[Math.max(k, score.length)];
        for (int p = 0; p < score.length; p++) {
            v[p] = Float.isNaN(score[p]) ? 0 : score[p];
        }
        java.util.Arrays.sort(v);
        return v[v.length - k];
    }
}
