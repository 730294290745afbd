package dev.attend.assistant.intent;

import java.util.List;

/** The intent names, shared with the fusion model's audio intent head. */
public final class Intents {

    public static final String TIME = "time";
    public static final String DATE = "date";
    public static final String TIMER = "timer";
    public static final String NOTE = "note";
    public static final String SEARCH = "search";
    public static final String TRANSLATE_LAST = "translate_last";
    public static final String REPEAT = "repeat";
    public static final String STOP = "stop";
    /** Not a command (chit-chat, an unrelated sentence). */
    public static final String NONE = "none";

    /** Every built-in intent, {@link #NONE} last. */
    public static final List<String> ALL = List.of(TIME, DATE, TIMER, NOTE, SEARCH, TRANSLATE_LAST, REPEAT, STOP, NONE);

    private Intents() {
    }
}
