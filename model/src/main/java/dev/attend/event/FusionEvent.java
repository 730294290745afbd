package dev.attend.event;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Map;

/**
 * The fusion transformer's heads for the window ending at {@code t} (the newest audio token's time): probability
 * that the visible face speaks this audio ({@code sync}), that the user talks to the assistant ({@code addressee}),
 * and the intent distribution from audio (and the transcript when one is in the window). {@code track}: the face
 * track used (0 = no face); {@code step}: window number in the session.
 */
@JsonTypeName("fusion")
public record FusionEvent(double t, long step, double windowStart, double sync, double addressee, String intent,
                          double intentProbability, Map<String, Double> intents, int track, int words)
        implements AttendEvent {

    public FusionEvent {
        intents = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(intents)); // keeps head order
    }
}
