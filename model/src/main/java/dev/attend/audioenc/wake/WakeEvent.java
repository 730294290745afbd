package dev.attend.audioenc.wake;

import dev.attend.event.AttendEvent;

/**
 * A wake word was heard. {@code t}: end of the audio the deciding score covers (just after the word);
 * {@code model}: bundled model name, e.g. {@code hey_jarvis}; {@code score}: that score; {@code threshold}: the one
 * in force.
 */
public record WakeEvent(double t, String model, double score, double threshold) implements AttendEvent {

    @Override
    public String type() {
        return "wake";
    }
}
