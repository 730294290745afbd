package dev.attend.assistant.slots;

import java.time.Duration;

/**
 * What a command says besides its intent. Unused fields are null.
 *
 * @param action   the skill's sub-action: timers {@code set}/{@code list}/{@code cancel}; notes
 *                 {@code create}/{@code last}/{@code today}
 * @param duration a timer's length
 * @param name     a timer's name
 * @param text     a note's text
 * @param query    a history search query
 * @param language target language of a translation, as an Apertium code (e.g. {@code spa})
 */
public record Slots(String action, Duration duration, String name, String text, String query, String language) {

    public static Slots none() {
        return new Slots(null, null, null, null, null, null);
    }

    /** As written in {@code assistant.intent}: the slots that are set ({@code duration} in seconds), or null. */
    public java.util.Map<String, Object> toEvent() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        Object[] kv = {"action", action, "duration", duration == null ? null : duration.toMillis() / 1000.0,
            "name", name, "text", text, "query", query, "language", language};
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put((String) kv[i], kv[i + 1]);
            }
        }
        return m.isEmpty() ? null : m;
    }
}
