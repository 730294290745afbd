package dev.attend.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An event of a type this build does not know (written by a newer Attend, or a feature not built in): the whole
 * JSON object is kept, so a replayed or re-written file loses nothing.
 *
 * @param raw the event's JSON object, {@code type} and {@code t} included; do not modify
 */
public record UnknownEvent(ObjectNode raw) implements AttendEvent {

    public UnknownEvent {
        if (raw == null || !raw.path("type").isTextual()) {
            throw new IllegalArgumentException("an event needs a string field 'type'");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static UnknownEvent of(ObjectNode raw) {
        return new UnknownEvent(raw);
    }

    @Override
    public String type() {
        return raw.get("type").asText();
    }

    @Override
    public double t() {
        return raw.path("t").asDouble(0);
    }

    @JsonValue
    @Override
    public ObjectNode raw() {
        return raw;
    }
}
