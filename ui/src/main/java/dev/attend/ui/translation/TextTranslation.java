package dev.attend.ui.translation;

import dev.attend.event.EventSink;

/**
 * Port: translates a typed sentence with the chosen pair and sends the translator's {@code translation} event to
 * {@code events}. Blocks (starts the engine); the UI calls it off the UI thread.
 */
public interface TextTranslation {

    void translate(String pair, String text, int utterance, EventSink events) throws Exception;

    static TextTranslation unavailable() {
        return (pair, text, utterance, events) -> {
            throw new IllegalStateException("translation is not available in this build");
        };
    }
}
