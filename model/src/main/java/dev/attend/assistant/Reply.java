package dev.attend.assistant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a skill answers: a template key and its arguments, rendered per language by {@link ReplyTemplates}.
 * Arguments may be strings, numbers, {@link java.time.Duration}, {@link java.time.LocalTime},
 * {@link java.time.LocalDate}, {@link Language} or {@link Items}.
 *
 * @param acted whether the command changed something or answered it (false for "didn't catch that" and errors)
 */
public record Reply(String key, Map<String, Object> args, boolean acted) {

    /** A target language by its Apertium code, named in the reply's language. */
    public record Language(String code) {
    }

    /** A list of items, each rendered with {@code itemKey}. */
    public record Items(String itemKey, List<Map<String, Object>> items) {
    }

    public static Reply of(String key, Object... keyValues) {
        return new Reply(key, map(keyValues), true);
    }

    /** A reply that did nothing (not understood, nothing to do). */
    public static Reply noAction(String key, Object... keyValues) {
        return new Reply(key, map(keyValues), false);
    }

    public static Reply notUnderstood() {
        return noAction("notUnderstood");
    }

    public static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
