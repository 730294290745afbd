package dev.attend.event;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * A wake word was heard. {@code t}: end of the audio the deciding score covers (just after the word);
 * {@code model}: bundled model name, e.g. {@code hey_jarvis}; {@code score}: that score; {@code threshold}: the one
 * in force.
 */
@JsonTypeName("wake")
public record WakeEvent(double t, String model, double score, double threshold) implements AttendEvent {
}
