package dev.attend.speaker;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Names the speaker of each utterance in one session: an enrolled speaker's name when the verifier recognises the
 * voice, otherwise "Speaker N" from the session's clustering ({@link SpeakerRegrouper}, numbered among the unknown
 * voices only). That clustering may move earlier utterances to another speaker; {@link Label#relabelled} says which,
 * so their lines can follow. Not thread-safe: one session, one stage thread.
 */
public final class SpeakerLabeler {

    /** The label prefix of unknown voices; the UI translates it, exports keep it. */
    public static final String UNKNOWN_PREFIX = "Speaker ";

    private final SpeakerVerifier verifier;
    private final SpeakerRegrouper regrouper;

    /**
     * A label and how sure: the cosine to the profile or cluster centroid, whether the voice is enrolled, and earlier
     * utterances (id → new label) that this utterance's evidence moved to another speaker.
     */
    public record Label(String name, double score, boolean enrolled, Map<Integer, String> relabelled) {

        public Label {
            relabelled = Map.copyOf(relabelled);
        }

        public Label(String name, double score, boolean enrolled) {
            this(name, score, enrolled, Map.of());
        }
    }

    public SpeakerLabeler(SpeakerVerifier verifier, SpeakerRegrouper regrouper) {
        this.verifier = verifier;
        this.regrouper = regrouper;
    }

    public SpeakerVerifier verifier() {
        return verifier;
    }

    /** The speaker of utterance {@code utterance} with this vector. */
    public Label label(int utterance, float[] vector) {
        var match = verifier.identify(vector);
        if (match.isPresent()) {
            return new Label(match.get().name(), match.get().score(), true);
        }
        SpeakerRegrouper.Result r = regrouper.add(utterance, vector);
        Map<Integer, String> moved = new LinkedHashMap<>();
        r.relabelled().forEach((u, n) -> moved.put(u, UNKNOWN_PREFIX + n));
        return new Label(UNKNOWN_PREFIX + r.speaker(), r.score(), false, moved);
    }
}
