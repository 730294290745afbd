package dev.attend.event;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The events' JSON mapping under its earlier name; new code uses {@link EventCodec}. */
public final class EventJson {

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return EventCodec.mapper();
    }

    public static String toJson(AttendEvent event) {
        return EventCodec.encode(event);
    }
}
