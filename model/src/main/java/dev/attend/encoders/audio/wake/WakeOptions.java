package dev.attend.encoders.audio.wake;

import dev.attend.encoders.audio.features.SpeechFeatureExtractor;
import java.util.Map;
import java.util.Objects;

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
 * @param extraPatience     blocks a model waits beyond {@code patience} (by model name; missing = 0; negative
 *                          waits less, never under 1 block), applied by {@link #forModel}
 * @param thresholdShift    added to {@code threshold} for a model (by model name; missing = 0; the result kept in
 *                          [0.05, 0.95]), applied by {@link #forModel}: raising the threshold still raises every model
 * @param verify            ask the model's second-stage {@link WakeVerifier} before firing: the first stage then
 *                          uses the verifier's candidate threshold, shifted by {@code threshold - 0.5} (so raising
 *                          the threshold still makes the model stricter), and fires only where the verifier accepts
 *                          the window; a model without a loadable verifier keeps first-stage scoring
 */
public record WakeOptions(double threshold, int patience, double refractorySeconds, int phases, double phaseGate,
                          int votes, Map<String, Integer> extraPatience, boolean verify,
                          Map<String, Double> thresholdShift) {

    /**
     * The second stage is on by default (session 7): on the tuning side — the wake bench's tuning half and the half
     * of the verifier-training corpus no fit saw — it added clips (456 against 435), lost no voice × word pair at
     * every offset and removed both false accepts there (docs/performance.md, "Wake words", session 7).
     */
    public static final boolean DEFAULT_VERIFY = true;

    /** The threshold the verifiers' candidate thresholds are relative to. */
    public static final double VERIFIER_REFERENCE = 0.5;

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
    /**
     * {@code hey_jarvis} and {@code alexa} wait one block more (3 at the default patience): on the tuning split of
     * the wake bench's recorded scores each had a false accept that a third block removes at no cost in voice × word
     * pairs detected at every offset; {@code hey_mycroft} and {@code hey_rhasspy} had none there, and a third block
     * would cost them pairs (docs/performance.md, "Wake words", session 5).
     */
    public static final Map<String, Integer> DEFAULT_EXTRA_PATIENCE = Map.of("hey_jarvis", 1, "alexa", 1);

    /** No model's threshold is shifted by default. */
    public static final Map<String, Double> DEFAULT_THRESHOLD_SHIFT = Map.of();

    public WakeOptions {
        extraPatience = Map.copyOf(Objects.requireNonNull(extraPatience, "extraPatience"));
        thresholdShift = Map.copyOf(Objects.requireNonNull(thresholdShift, "thresholdShift"));
        if (thresholdShift.values().stream().anyMatch(d -> !(Math.abs(d) < 1))) {
            throw new IllegalArgumentException("wake threshold shifts must be in (-1, 1): " + thresholdShift);
        }
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

    /** The same threshold for every model. */
    public WakeOptions(double threshold, int patience, double refractorySeconds, int phases, double phaseGate,
                       int votes, Map<String, Integer> extraPatience, boolean verify) {
        this(threshold, patience, refractorySeconds, phases, phaseGate, votes, extraPatience, verify, Map.of());
    }

    /** Without the verifier. */
    public WakeOptions(double threshold, int patience, double refractorySeconds, int phases, double phaseGate,
                       int votes, Map<String, Integer> extraPatience) {
        this(threshold, patience, refractorySeconds, phases, phaseGate, votes, extraPatience, false);
    }

    /** The same patience for every model; without the verifier. */
    public WakeOptions(double threshold, int patience, double refractorySeconds, int phases, double phaseGate,
                       int votes) {
        this(threshold, patience, refractorySeconds, phases, phaseGate, votes, Map.of());
    }

    /** One vote: the best phase decides; the same patience for every model. */
    public WakeOptions(double threshold, int patience, double refractorySeconds, int phases, double phaseGate) {
        this(threshold, patience, refractorySeconds, phases, phaseGate, 1);
    }

    /** With the default block phases, gate, extra patience and verifier (on). */
    public WakeOptions(double threshold, int patience, double refractorySeconds) {
        this(threshold, patience, refractorySeconds, DEFAULT_PHASES, threshold * GATE_FRACTION, 1,
                DEFAULT_EXTRA_PATIENCE, DEFAULT_VERIFY, DEFAULT_THRESHOLD_SHIFT);
    }

    /**
     * Threshold 0.5, patience 2 ({@code hey_jarvis} and {@code alexa} 3), refractory 2 s, eight phases, gate 0.05,
     * one vote, the verifier on.
     */
    public static WakeOptions defaults() {
        return withThreshold(0.5);
    }

    public static WakeOptions withThreshold(double threshold) {
        return new WakeOptions(threshold, DEFAULT_PATIENCE, 2.0);
    }

    /** With {@code n} phases; votes capped at {@code n}. */
    public WakeOptions withPhases(int n) {
        return new WakeOptions(threshold, patience, refractorySeconds, n, phaseGate, Math.min(votes, Math.max(1, n)),
                extraPatience, verify, thresholdShift);
    }

    public WakeOptions withPhaseGate(double gate) {
        return new WakeOptions(threshold, patience, refractorySeconds, phases, gate, votes, extraPatience, verify,
                thresholdShift);
    }

    public WakeOptions withVotes(int k) {
        return new WakeOptions(threshold, patience, refractorySeconds, phases, phaseGate, k, extraPatience, verify,
                thresholdShift);
    }

    public WakeOptions withPatience(int blocks) {
        return new WakeOptions(threshold, blocks, refractorySeconds, phases, phaseGate, votes, extraPatience, verify,
                thresholdShift);
    }

    public WakeOptions withExtraPatience(Map<String, Integer> extra) {
        return new WakeOptions(threshold, patience, refractorySeconds, phases, phaseGate, votes, extra, verify,
                thresholdShift);
    }

    public WakeOptions withVerify(boolean on) {
        return new WakeOptions(threshold, patience, refractorySeconds, phases, phaseGate, votes, extraPatience, on,
                thresholdShift);
    }

    /**
     * The first-stage options with a verifier whose candidate threshold is {@code candidate}: that threshold
     * shifted by {@code threshold - 0.5} (kept in [0.05, 0.95]), the gate at most the new threshold.
     */
    public WakeOptions candidates(double candidate) {
        double t = Math.max(0.05, Math.min(0.95, candidate + threshold - VERIFIER_REFERENCE));
        return new WakeOptions(t, patience, refractorySeconds, phases, Math.min(phaseGate, t), votes, extraPatience,
                verify, thresholdShift);
    }

    public WakeOptions withThresholdShift(Map<String, Double> shift) {
        return new WakeOptions(threshold, patience, refractorySeconds, phases, phaseGate, votes, extraPatience, verify,
                shift);
    }

    /** The options one model decides with: its extra patience and threshold shift added, no per-model table left. */
    public WakeOptions forModel(String model) {
        double t = Math.max(0.05, Math.min(0.95, threshold + thresholdShift.getOrDefault(model, 0.0)));
        return new WakeOptions(t, Math.max(1, patience + extraPatience.getOrDefault(model, 0)), refractorySeconds,
                phases, Math.min(phaseGate, t), votes, Map.of(), verify, Map.of());
    }

}
