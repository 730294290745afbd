package dev.attend.ui.attention;

import dev.attend.event.EventSink;

/**
 * Port: runs a text model with its attention outputs on a typed sentence, so the lab can teach without a speech
 * model. The model's real {@code attention} events go to {@code events} (the same bridge a session uses). Calls
 * block (the first loads the model); the UI makes them off the UI thread.
 */
public interface TextAttention {

    /**
     * Emits one {@code attention} event per layer × head for {@code text}, tagged with {@code utterance}.
     *
     * @return the number of events emitted
     */
    int analyze(String text, int utterance, EventSink events) throws Exception;

    /** Why typed text cannot be analysed in this build, or "" when it can. */
    default String unavailableReason() {
        return "";
    }

    static TextAttention unavailable() {
        return new TextAttention() {
            @Override
            public int analyze(String text, int utterance, EventSink events) {
                throw new IllegalStateException(unavailableReason());
            }

            @Override
            public String unavailableReason() {
                return "text analysis is not available in this build";
            }
        };
    }
}
