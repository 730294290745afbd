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
}
