package dev.attend.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * An event on the session's event stream: what the CLI writes as one JSON line, the GUI shows and a history store
 * keeps. Every event type is a record in this package, named here in {@code permits} and carrying its JSON
 * {@code type} in {@link com.fasterxml.jackson.annotation.JsonTypeName}; {@link EventCodec} registers them from this
 * list, so adding an event type is: one record file here, one line below, one section in {@code docs/events.md}
 * (a test checks the three agree). Record components become JSON fields after {@code type} and {@code t}; bump
 * {@link EventSchema#VERSION} when a field changes meaning.
 */
@JsonPropertyOrder({"type", "t"})
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type",
        visible = true, defaultImpl = UnknownEvent.class)
@JsonSubTypes({}) // filled in by EventCodec from the permits list
@JsonIgnoreProperties(value = "type", allowGetters = true)
public sealed interface AttendEvent permits
        // pipeline
        CoreEvents.SessionStart, CoreEvents.SessionEnd, CoreEvents.Level, CoreEvents.Frame, CoreEvents.SourceError,
        CoreEvents.Drop, CoreEvents.Stats,
        // audio encoders
        VadEvent,
        WakeEvent,
        // vision
        FaceEvent,
        // speech recognition
        AsrEvents.Partial, AsrEvents.Final, AsrEvents.Relabel,
        // typed text (a text source beside speech)
        TypedTextEvent,
        // text
        AttentionEvent,
        // translation
        TranslationEvent,
        // assistant
        AssistantEvents.State, AssistantEvents.Intent, AssistantEvents.Reply, AssistantEvents.Timer,
        // fusion transformer
        FusionEvent,
        // a type this build does not know (a newer file): kept whole
        UnknownEvent {

    /** Event type, e.g. {@code level}, {@code vad}, {@code asr.final}: the record's {@code @JsonTypeName}. */
    @JsonProperty("type")
    default String type() {
        return EventCodec.typeName(getClass());
    }

    /** Media time in seconds this event refers to (the shared media clock). */
    @JsonProperty("t")
    double t();
}
