package dev.attend.event;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * A wake word was heard, written when the run of scores at or above the threshold ended. {@code t}: end of the
 * audio the deciding score covers (just after the word); {@code model}: bundled model name, e.g. {@code hey_jarvis};
 * {@code score}: that score; {@code threshold}: the one in force; {@code peak}, {@code peakT}: the run's highest
 * score and the end of the audio it covers (null in events read from files written before they existed).
 */
@JsonTypeName("wake")
public record WakeEvent(double t, String model, double score, double threshold, Double peak, Double peakT)
        implements AttendEvent {

    /** An event without its run's peak (as files written before {@code peak}/{@code peakT} existed hold them). */
    public WakeEvent(double t, String model, double score, double threshold) {
        this(t, model, score, threshold, null, null);
    }
}
