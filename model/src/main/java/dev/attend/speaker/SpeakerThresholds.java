package dev.attend.speaker;

/**
 * The shipped cosine thresholds for {@code vosk-model-spk-0.4} x-vectors. Chosen on the tuning voices only
 * (espeak-ng en-us+m3, +m7, +f2, +f4; 12 sentences each, through the speech aligner): a grid search of join in
 * 0.70–0.95 and stay = join − 0…0.08 over 40 simulated 24-utterance, 4-speaker recordings maximised the mean
 * utterance accuracy (0.90 at 0.87/0.85); the verify threshold is the lowest with no false accept among the
 * tuning voices (their highest other-voice cosine to a 4-utterance profile was 0.895). Figures and the held-out
 * check are in docs/performance.md: these voices overlap (en-us+m3 vs +m7 single-utterance cosines reach 0.90),
 * so neither threshold separates them cleanly.
 */
public final class SpeakerThresholds {

    /** An utterance joins an existing session speaker at this cosine to its centroid. */
    public static final double CLUSTER_JOIN = 0.87;
    /** The previous utterance's speaker is kept down to this cosine (hysteresis). */
    public static final double CLUSTER_STAY = 0.85;
    /** An utterance is an enrolled speaker's at this cosine to the profile (verification). */
    public static final double VERIFY = 0.90;

    private SpeakerThresholds() {
    }
}
