package dev.attend.event;

/**
 * Where stages put their events. Implementations must be safe to call from several pipeline threads at once and
 * must not block for long: the GUI's bridge coalesces, the CLI writes a line.
 */
@FunctionalInterface
public interface EventSink {

    void emit(AttendEvent event);

    /** A sink that forgets everything. */
    static EventSink discard() {
        return e -> { };
    }

    /** Emit to both sinks, this one first. */
    default EventSink and(EventSink other) {
        return e -> {
            emit(e);
            other.emit(e);
        };
    }
}
