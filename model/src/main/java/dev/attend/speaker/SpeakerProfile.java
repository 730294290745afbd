package dev.attend.speaker;

import java.time.Instant;
import java.util.Objects;

/**
 * An enrolled speaker: a name and the mean direction of several of their utterance vectors. Stored on this machine
 * only ({@link SpeakerProfileStore}).
 *
 * @param name       the name shown for them (unique, case-insensitive)
 * @param vector     unit-length mean of the enrolment utterances' vectors
 * @param utterances how many utterances the mean was taken over
 * @param enrolled   when the profile was made
 * @param vectors    which vectors the mean was taken of (a profile only matches vectors of the same source)
 */
public record SpeakerProfile(String name, float[] vector, int utterances, Instant enrolled,
                             SpeakerVectorSource vectors) {

    /** A profile of libvosk x-vectors (all profiles enrolled before the compact vectors were). */
    public SpeakerProfile(String name, float[] vector, int utterances, Instant enrolled) {
        this(name, vector, utterances, enrolled, SpeakerVectorSource.VOSK);
    }

    public SpeakerProfile {
        name = checkName(name);
        Objects.requireNonNull(vector, "vector");
        vector = SpeakerVectors.normalized(vector);
        if (utterances < 1) {
            throw new IllegalArgumentException("a profile needs at least one utterance");
        }
        Objects.requireNonNull(enrolled, "enrolled");
        Objects.requireNonNull(vectors, "vectors");
    }

    @Override
    public float[] vector() {
        return vector.clone();
    }

    /** A name for a new profile: as {@link #checkName}, and not one that looks like an automatic label. */
    public static String checkEnrolmentName(String name) {
        String n = checkName(name);
        if (n.regionMatches(true, 0, SpeakerLabeler.UNKNOWN_PREFIX, 0, SpeakerLabeler.UNKNOWN_PREFIX.length())
                && n.substring(SpeakerLabeler.UNKNOWN_PREFIX.length()).matches("\\d+")) {
            throw new IllegalArgumentException("'" + n + "' looks like an automatic label; choose another name");
        }
        return n;
    }

    /** A trimmed name of 1–64 characters without control characters; otherwise a clear error. */
    public static String checkName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new IllegalArgumentException("a speaker name must not be empty");
        }
        if (n.length() > 64) {
            throw new IllegalArgumentException("a speaker name must be at most 64 characters, not " + n.length());
        }
        if (n.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a speaker name must not contain control characters");
        }
        return n;
    }
}
