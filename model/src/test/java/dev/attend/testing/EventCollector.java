package dev.attend.testing;

import dev.attend.event.AttendEvent;
import dev.attend.event.EventSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A test event sink that keeps every event, in order, safe to read while a session still emits. */
public final class EventCollector implements EventSink {
    private final List<AttendEvent> list = new CopyOnWriteArrayList<>();

    @Override
    public void emit(AttendEvent e) {
        list.add(e);
    }

    public List<AttendEvent> events() {
        return List.copyOf(list);
    }

    public <E extends AttendEvent> List<E> ofType(Class<E> type) {
        return list.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
