package dev.attend.speaker;

/**
 * The shipped cosine thresholds for {@code vosk-model-spk-0.4} x-vectors. How they were chosen (tuning voices
 * espeak-ng en-us+m3, +m7, +f2, +f4 only; figures and the held-out check in docs/performance.md):
 * same-voice cosines of single utterances sat at 0.82–0.95, different-voice ones at 0.35–0.79, so the join
 * threshold lies between the two ranges and the stay threshold a little lower.
 */
public final class SpeakerThresholds {

    /** An utterance joins an existing session speaker at this cosine to its centroid. */
    public static final double CLUSTER_JOIN = 0.80;
    /** The previous utterance's speaker is kept down to this cosine (hysteresis). */
    public static final double CLUSTER_STAY = 0.74;
    /** An utterance is an enrolled speaker's at this cosine to the profile (verification). */
    public static final double VERIFY = 0.80;

    private SpeakerThresholds() {
    }
}
