package dev.attend.speaker;

/**
 * Names the speaker of each utterance in one session: an enrolled speaker's name when the verifier recognises the
 * voice, otherwise "Speaker N" from the session's online clustering (numbered among the unknown voices only). Not
 * thread-safe: one session, one stage thread.
 */
public final class SpeakerLabeler {

    /** The label prefix of unknown voices; the UI translates it, exports keep it. */
    public static final String UNKNOWN_PREFIX = "Speaker ";

    private final SpeakerVerifier verifier;
    private final SpeakerClusterer clusterer;

    /** A label and how sure: the cosine to the profile or cluster centroid, and whether the voice is enrolled. */
    public record Label(String name, double score, boolean enrolled) {
    }

    public SpeakerLabeler(SpeakerVerifier verifier, SpeakerClusterer clusterer) {
        this.verifier = verifier;
        this.clusterer = clusterer;
    }

    public SpeakerVerifier verifier() {
        return verifier;
    }

    /** The speaker of an utterance with this vector. */
    public Label label(float[] vector) {
        var match = verifier.identify(vector);
        if (match.isPresent()) {
            return new Label(match.get().name(), match.get().score(), true);
        }
        SpeakerClusterer.Assignment a = clusterer.assign(vector);
        return new Label(UNKNOWN_PREFIX + a.speaker(), a.score(), false);
    }
}
