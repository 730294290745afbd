package dev.attend.encoders.audio.wake;

import dev.attend.encoders.audio.features.SpeechFeatureExtractor;

/**
 * When a wake-word score becomes a detection.
 *
 * @param threshold         score in (0, 1) the model must reach
 * @param patience          consecutive 80 ms blocks at or above the threshold before it fires (at least 1)
 * @param refractorySeconds after a detection, the same model stays quiet this long, and until its score has
 *                          dropped below the threshold again
 * @param phases            interleaved block phases scored per 80 ms block, the best taken: 1 (openWakeWord's
 *                          single grid), 2 (40 ms apart), 4 or 8 (10 ms apart, the default)
 * @param phaseGate         phases other than 0 are computed and scored only in a block whose phase-0 score, or
 *                          whose previous block's best score, reached this (0 = always); their histories are then
 *                          caught up from cached mel frames, so the scores are the same as when always computed.
 *                          Default: threshold / 10
 * @param votes             phases that must reach the threshold in the same block: the block's score is its
 *                          {@code votes}-th best phase score ({@link PhaseScores#kth}; 1 = the best)
 */
public record WakeOptions(double threshold, int patience, double refractorySeconds, int phases, double phaseGate,
                          int votes) {

    /**
     * Eight phases, 10 ms apart (the whole 80 ms grid), tuned with {@link #DEFAULT_PATIENCE} and the gate on the
     * wake bench's recorded scores (docs/performance.md, "Wake words"): every offset of the words openWakeWord
     * hears at some offset, no more false accepts than openWakeWord's single phase.
     */
    public static final int DEFAULT_PHASES = 8;
    /** Two consecutive blocks at the threshold: a one-block blip of one phase does not fire. */
    public static final int DEFAULT_PATIENCE = 2;
    /**
     * Default gate as a fraction of the threshold (0.05 at 0.5): the extra phases are computed in few blocks of
     * speech without wake words (1.09 embedding calls per block instead of 8), and no detection of the bench's clips
     * was lost against a gate of 0.01.
     */
    public static final double GATE_FRACTION = 0.1;

    public WakeOptions {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("wake threshold must be in (0, 1): " + threshold);
        }
        if (patience < 1) {
            throw new IllegalArgumentException("wake patience must be at least 1 frame: " + patience);
        }
        if (refractorySeconds < 0) {
            throw new IllegalArgumentException("wake refractory period must not be negative: " + refractorySeconds);
        }
        SpeechFeatureExtractor.checkPhases(phases);
        if (!(phaseGate >= 0 && phaseGate <= threshold)) {
            throw new IllegalArgumentException("phase gate must be in [0, threshold]: " + phaseGate);
        }
        if (votes < 1 || votes > phases) {
            throw new IllegalArgumentException("wake votes must be in 1.." + phases + " (the phases): " + votes);
        }
    }

    /** One vote: the best phase decides. */
    public WakeOptions(double threshold, int patience, double refractorySeconds, int phases, double phaseGate) {
        this(threshold, patience, refractorySeconds, phases, phaseGate, 1);
    }

    /** With the default block phases and gate. */
    public WakeOptions(double threshold, int patience, double refractorySeconds) {
        this(threshold, patience, refractorySeconds, DEFAULT_PHASES, threshold * GATE_FRACTION);
    }

    /** Threshold 0.5, patience 2, refractory 2 s, eight phases, gate 0.05, one vote. */
    public static WakeOptions defaults() {
        return withThreshold(0.5);
    }

    public static WakeOptions withThreshold(double threshold) {
        return new WakeOptions(threshold, DEFAULT_PATIENCE, 2.0);
    }

    /** With {@code n} phases; votes capped at {@code n}. */
    public WakeOptions withPhases(int n) {
        return new WakeOptions(threshold, patience, refractorySeconds, n, phaseGate, Math.min(votes, Math.max(1, n)));
    }

    public WakeOptions withPhaseGate(double gate) {
        return new WakeOptions(threshold, patience, refractorySeconds, phases, gate, votes);
    }

    public WakeOptions withVotes(int k) {
        return new WakeOptions(threshold, patience, refractorySeconds, phases, phaseGate, k);
    }

    public WakeOptions withPatience(int blocks) {
        return new WakeOptions(threshold, blocks, refractorySeconds, phases, phaseGate, votes);
    }


}
