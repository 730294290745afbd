package dev.attend.event;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import java.util.Map;

/**
 * The fusion transformer's heads for the window ending at {@code t} (the newest audio token's time): probability
 * that the visible face speaks this audio ({@code sync}), that the user talks to the assistant ({@code addressee}),
 * and the intent distribution from audio (and the transcript when one is in the window). {@code track}: the face
 * track used (0 = no face); {@code step}: window number in the session; {@code faces}: the same two scores for every
 * tracked face (empty when none is, or for a model that cannot score faces apart).
 */
@JsonTypeName("fusion")
public record FusionEvent(double t, long step, double windowStart, double sync, double addressee, String intent,
                          double intentProbability, Map<String, Double> intents, int track, int words,
                          List<FaceScore> faces)
        implements AttendEvent {

    /** Sync and addressee probability of one tracked face. */
    public record FaceScore(int track, double sync, double addressee) {
    }

    public FusionEvent {
        intents = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(intents)); // keeps head order
        faces = faces == null ? List.of() : List.copyOf(faces); // events written before the field
    }

    /** Without per-face scores. */
    public FusionEvent(double t, long step, double windowStart, double sync, double addressee, String intent,
                       double intentProbability, Map<String, Double> intents, int track, int words) {
        this(t, step, windowStart, sync, addressee, intent, intentProbability, intents, track, words, List.of());
    }
}
