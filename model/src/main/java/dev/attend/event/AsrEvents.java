package dev.attend.event;

import com.fasterxml.jackson.annotation.JsonInclude;
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
     * {@code alternatives}: other hypotheses' texts when asked for (else empty); {@code speaker}: who spoke
     * ("Speaker 1", … or an enrolled name; null without a speaker model or vector), {@code speakerScore} the cosine
     * behind it, {@code speakerVector} the utterance's x-vector (null without one).
     */
    @JsonTypeName("asr.final")
    public record Final(double t, double end, int utterance, String text, double confidence, List<Word> words,
                        List<String> alternatives,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String speaker,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Double speakerScore,
                        @JsonInclude(JsonInclude.Include.NON_NULL) float[] speakerVector) implements AttendEvent {

        /** Without a speaker. */
        public Final(double t, double end, int utterance, String text, double confidence, List<Word> words,
                     List<String> alternatives) {
            this(t, end, utterance, text, confidence, words, alternatives, null, null, null);
        }

        /** The same utterance with another speaker label (e.g. renamed). */
        public Final withSpeaker(String name) {
            return new Final(t, end, utterance, text, confidence, words, alternatives, name, speakerScore,
                    speakerVector);
        }
    }

    /**
     * An earlier utterance's speaker changed: the session's clustering, with more of the session heard, moved
     * utterance {@code utterance} (an {@code asr.final} already sent) to {@code speaker}. {@code t}: the start of the
     * utterance whose final caused the change. Every view of that line (captions, history, exports) follows.
     */
    @JsonTypeName("asr.relabel")
    public record Relabel(double t, int utterance, String speaker) implements AttendEvent {
    }
}
