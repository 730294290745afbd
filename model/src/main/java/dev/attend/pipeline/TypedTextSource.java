package dev.attend.pipeline;

import dev.attend.event.EventSink;
import dev.attend.event.TypedTextEvent;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The typed-text source: turns a sentence the user typed into a {@code text.typed} event with the next typed id
 * and emits it where the session's events go. One per app (ids stay unique across sessions, so typed rows kept
 * over a new session never collide); thread-safe.
 */
public final class TypedTextSource {

    private final AtomicInteger next = new AtomicInteger(TypedTextEvent.FIRST_ID);

    /**
     * Emits {@code text} typed at media time {@code t} into {@code origin} ({@link TypedTextEvent#CAPTIONS} or
     * {@link TypedTextEvent#LAB}) to {@code events}; returns the event (its id tags the stages' replies).
     */
    public TypedTextEvent submit(String text, double t, String origin, EventSink events) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("type a sentence first");
        }
        TypedTextEvent e = new TypedTextEvent(Double.isFinite(t) && t > 0 ? t : 0, next.getAndIncrement(), text,
                origin);
        events.emit(e);
        return e;
    }
}
