package dev.attend.speaker;

import java.util.List;
import java.util.Optional;

/**
 * Is this utterance's voice an enrolled one? Compares a speaker vector with every profile by cosine; a match at
 * {@code threshold} or above counts; both are centred on a {@link SpeakerBackground} first (the shipped threshold
 * assumes the shipped one). The assistant uses it to answer only enrolled voices. Immutable, thread-safe.
 */
public final class SpeakerVerifier {

    private final List<SpeakerProfile> profiles;
    private final double threshold;
    private final SpeakerBackground background;

    /** The closest profile and its cosine to the vector. */
    public record Match(String name, double score) {
    }

    /** Plain cosines (no background). */
    public SpeakerVerifier(List<SpeakerProfile> profiles, double threshold) {
        this(profiles, threshold, SpeakerBackground.none());
    }

    public SpeakerVerifier(List<SpeakerProfile> profiles, double threshold, SpeakerBackground background) {
        this.profiles = List.copyOf(profiles);
        this.threshold = threshold;
        this.background = java.util.Objects.requireNonNull(background, "background");
    }

    /**
     * At the shipped threshold and background ({@link SpeakerThresholds#VERIFY}).
     *
     * @throws dev.attend.models.ModelIntegrityException the shipped background is missing or damaged
     */
    public static SpeakerVerifier shipped(List<SpeakerProfile> profiles)
            throws dev.attend.models.ModelIntegrityException {
        return new SpeakerVerifier(profiles, SpeakerThresholds.VERIFY, SpeakerBackground.shipped());
    }

    public double threshold() {
        return threshold;
    }

    public List<SpeakerProfile> profiles() {
        return profiles;
    }

    /** The closest profile (cosine of the centred vectors) whatever its score; empty when nobody is enrolled or there is no vector. */
    public Optional<Match> bestMatch(float[] vector) {
        if (vector == null) {
            return Optional.empty();
        }
        Match best = null;
        for (SpeakerProfile p : profiles) {
            double s = background.cosine(vector, p.vector());
            if (best == null || s > best.score()) {
                best = new Match(p.name(), s);
            }
        }
        return Optional.ofNullable(best);
    }

    /** The enrolled speaker this voice is, if its best match reaches the threshold. */
    public Optional<Match> identify(float[] vector) {
        return bestMatch(vector).filter(m -> m.score() >= threshold);
    }

    /** Whether the voice is one of the enrolled speakers. */
    public boolean isEnrolled(float[] vector) {
        return identify(vector).isPresent();
    }
}
