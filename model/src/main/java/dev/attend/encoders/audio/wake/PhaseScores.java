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
}
