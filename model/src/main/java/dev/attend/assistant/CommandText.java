package dev.attend.assistant;

import dev.attend.event.AsrEvents;

/** The part of a recognizer's final that belongs to a command opened at a media time. */
final class CommandText {

    /** Words that started this much before activation still count (the wake event comes after its word ends). */
    static final double EARLY = 0.3;
    /** A word must end this much after activation (the wake word's own last word does not). */
    static final double LATE = 0.05;

    private CommandText() {
    }

    /** The final's words spoken after {@code activation}, space-joined ("" when none). */
    static String after(AsrEvents.Final f, double activation) {
        if (f.words().isEmpty()) {
            return f.t() >= activation - EARLY ? f.text() : "";
        }
        StringBuilder text = new StringBuilder();
        for (AsrEvents.Word w : f.words()) {
            if (w.end() > activation + LATE && w.start() >= activation - EARLY) {
                text.append(text.length() == 0 ? "" : " ").append(w.word());
            }
        }
        return text.toString();
    }
}
