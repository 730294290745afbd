package dev.attend.assistant;

import java.util.Locale;

/** How a command can start. Typed commands and push-to-talk are always available; the others can be switched. */
public enum ListeningMode {
    WAKE_WORD, PUSH_TO_TALK, LOOK_TO_TALK, TYPED;

    /** The name in events: {@code wake_word}, … */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
