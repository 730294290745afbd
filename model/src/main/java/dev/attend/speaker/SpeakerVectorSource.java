package dev.attend.speaker;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where speaker vectors come from. Both are 128-d and the compact one was fitted to libvosk's, but each is compared
 * with its own metric and thresholds, so a profile is only used with vectors of the source it was enrolled with.
 */
public enum SpeakerVectorSource {
    /** libvosk's x-vector of vosk-model-spk-0.4 (inside the recognizer's final; ≈ 60 ms CPU per utterance). */
    VOSK("vosk"),
    /** Attend's compact vector ({@code dev.attend.speaker.compact}; well under 1 ms per utterance). The default. */
    COMPACT("compact");

    /** What a session uses unless told otherwise. */
    public static final SpeakerVectorSource DEFAULT = COMPACT;

    private final String id;

    SpeakerVectorSource(String id) {
        this.id = id;
    }

    /** The name in settings, profiles and options ({@code vosk}, {@code compact}). */
    public String id() {
        return id;
    }

    /** The source named {@code id} (case-insensitive); otherwise an error listing the choices. */
    public static SpeakerVectorSource parse(String id) {
        String k = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.id.equals(k)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown speaker-vector source '" + id + "'; choose vosk or compact"));
    }
}
