package dev.attend.audioenc.wake;

import dev.attend.event.AttendEvent;

/**
 * A wake word was heard, written when the run of scores at or above the threshold ended. {@code t}: end of the
 * audio the deciding score covers (just after the word); {@code model}: bundled model name, e.g. {@code hey_jarvis};
 * {@code score}: that score; {@code threshold}: the one in force; {@code peak}, {@code peakT}: the run's highest
 * score and the end of the audio it covers.
 */
public record WakeEvent(double t, String model, double score, double threshold, double peak, double peakT)
        implements AttendEvent {

    @Override
    public String type() {
        return "wake";
    }
}
