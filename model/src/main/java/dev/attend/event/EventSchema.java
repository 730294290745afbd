package dev.attend.event;

/** Version of the JSON Lines event schema in {@code docs/events.md}; written in every {@code session.start}. */
public final class EventSchema {
    public static final String VERSION = "1.0";

    private EventSchema() {
    }
}
