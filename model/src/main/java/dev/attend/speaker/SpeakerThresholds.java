package dev.attend.speaker;

/**
 * The shipped cosine thresholds for {@code vosk-model-spk-0.4} x-vectors, centred on the shipped
 * {@link SpeakerBackground}. Chosen on the tuning voices only (espeak-ng en-us+m3, +m7, +f2, +f4; 12 sentences each,
 * through the speech aligner): a grid search of join in 0.50–0.70 and stay = join − 0…0.05 (steps of 0.01) over 40
 * simulated 24-utterance, 4-speaker recordings maximised the mean utterance accuracy (93.5 % at 0.56/0.56: once
 * the vectors are centred a lower stay threshold no longer helps); the verify threshold is the lowest with no false
 * accept among the tuning voices over 1,200 random 4-utterance profiles (their highest other-voice cosine was 0.647).
 * Figures and the held-out check are in docs/performance.md.
 */
public final class SpeakerThresholds {

    /** An utterance joins an existing session speaker at this cosine to its centroid. */
    public static final double CLUSTER_JOIN = 0.56;
    /** The previous utterance's speaker is kept down to this cosine (hysteresis). */
    public static final double CLUSTER_STAY = 0.56;
    /** An utterance is an enrolled speaker's at this cosine to the profile (verification). */
    public static final double VERIFY = 0.65;

    private SpeakerThresholds() {
    }
}
