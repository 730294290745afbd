package dev.attend.event;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/**
 * Speech recognition events. Times are media seconds on the session clock. {@code utterance} numbers utterances
 * from 0 within a session; partials of an utterance share its id with the final that settles them.
 */
public final class AsrEvents {

    private AsrEvents() {
    }

    /** One recognized word with its media-time span and confidence in [0, 1]. */
    public record Word(String word, double start, double end, double conf) {
    }

    /** The current guess for the utterance in progress. {@code t}: when the partial was produced. */
    @JsonTypeName("asr.partial")
    public record Partial(double t, int utterance, String text) implements AttendEvent {
    }

    /**
     * The settled result of an utterance. {@code t}: utterance start (first word's start, or the segment start when
     * there are no words); {@code end}: last word's end; {@code confidence}: mean word confidence;
     * {@code alternatives}: other hypotheses' texts when asked for (else empty).
     */
    @JsonTypeName("asr.final")
    public record Final(double t, double end, int utterance, String text, double confidence, List<Word> words,
                        List<String> alternatives) implements AttendEvent {
    }
}
