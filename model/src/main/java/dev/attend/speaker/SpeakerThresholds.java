package dev.attend.speaker;

/**
 * The shipped cosine thresholds for {@code vosk-model-spk-0.4} x-vectors, centred on the shipped
 * {@link SpeakerBackground}. Sessions cluster with {@link #REGROUP}; the online pair below was chosen on the tuning
 * voices only (espeak-ng en-us+m3, +m7, +f2, +f4; 12 sentences each,
 * through the speech aligner): a grid search of join in 0.50–0.70 and stay = join − 0…0.05 (steps of 0.01) over 40
 * simulated 24-utterance, 4-speaker recordings maximised the mean utterance accuracy (93.5 % at 0.56/0.56: once
 * the vectors are centred a lower stay threshold no longer helps); the verify threshold is the lowest with no false
 * accept among the tuning voices over 1,200 random 4-utterance profiles (their highest other-voice cosine was 0.647).
 * Figures and the held-out check are in docs/performance.md.
 */
public final class SpeakerThresholds {

    /**
     * The session regrouping ({@link SpeakerRegrouper}) merges two groups of utterances down to this mean cosine.
     * Chosen on the tuning voices only: grid 0.42–0.56 (steps 0.01) × bonus 0, 0.05, 0.10 over 40 simulated and 22
     * end-to-end 24-utterance 4-speaker recordings; 0.48 with bonus 0.05 was best on the simulated ones (96.7 %,
     * worst 22/24) and gives 96.4 % end to end (best there: 96.8 % with bonus 0.10).
     */
    public static final double REGROUP = 0.48;
    /** Added to the cosine of two utterances in a row before regrouping (turns last several utterances). */
    public static final double REGROUP_ADJACENT = 0.05;
    /**
     * The online clusterer ({@link SpeakerClusterer}, not what sessions use since the regrouping): an utterance joins
     * an existing session speaker at this cosine to its centroid.
     */
    public static final double CLUSTER_JOIN = 0.56;
    /** The previous utterance's speaker is kept down to this cosine (hysteresis). */
    public static final double CLUSTER_STAY = 0.56;
    /** An utterance is an enrolled speaker's at this cosine to the profile (verification). */
    public static final double VERIFY = 0.65;

    /**
     * {@link #REGROUP} for compact vectors (in their metric, {@code CompactSpeakerModel.metric}): the middle of the
     * range 0.82–0.84 that labels all 22 end-to-end tuning-voice recordings right (grid 0.30–0.94 in steps of 0.02,
     * bonus 0.05).
     */
    public static final double COMPACT_REGROUP = 0.83;
    /** {@link #REGROUP_ADJACENT} for compact vectors. */
    public static final double COMPACT_REGROUP_ADJACENT = 0.05;
    /**
     * {@link #VERIFY} for compact vectors: the lowest with no false accept among the tuning voices over 1,200 random
     * 4-utterance profiles (their highest other-voice cosine, rounded up).
     */
    public static final double COMPACT_VERIFY = 0.91;

    private SpeakerThresholds() {
    }
}
