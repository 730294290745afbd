package dev.attend.speaker;

import java.util.List;
import java.util.Optional;

/**
 * Is this utterance's voice an enrolled one? Compares a speaker vector with every profile by cosine; a match at
 * {@code threshold} or above counts. The assistant uses it to answer only enrolled voices. Immutable, thread-safe.
 */
public final class SpeakerVerifier {

    private final List<SpeakerProfile> profiles;
    private final double threshold;

    /** The closest profile and its cosine to the vector. */
    public record Match(String name, double score) {
    }

    public SpeakerVerifier(List<SpeakerProfile> profiles, double threshold) {
        this.profiles = List.copyOf(profiles);
        this.threshold = threshold;
    }

    /** At the shipped threshold ({@link SpeakerThresholds#VERIFY}). */
    public SpeakerVerifier(List<SpeakerProfile> profiles) {
        this(profiles, SpeakerThresholds.VERIFY);
    }

    public double threshold() {
        return threshold;
    }

    public List<SpeakerProfile> profiles() {
        return profiles;
    }

    /** The closest profile whatever its score; empty when nobody is enrolled or there is no vector. */
    public Optional<Match> bestMatch(float[] vector) {
        if (vector == null) {
            return Optional.empty();
        }
        Match best = null;
        for (SpeakerProfile p : profiles) {
            double s = SpeakerVectors.cosine(vector, p.vector());
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
