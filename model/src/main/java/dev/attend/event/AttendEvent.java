package dev.attend.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An event on the session's event stream: what the CLI writes as one JSON line and the GUI shows. Implementations
 * are records; their components become JSON fields after {@code type} and {@code t}. The schema is documented in
 * {@code docs/events.md}; bump {@link EventSchema#VERSION} when a field changes meaning.
 */
@JsonPropertyOrder({"type", "t"})
public interface AttendEvent {

    /** Event type, e.g. {@code level}, {@code vad}, {@code asr.final}. */
    @JsonProperty("type")
    String type();

    /** Media time in seconds this event refers to (the shared media clock). */
    @JsonProperty("t")
    double t();
}
