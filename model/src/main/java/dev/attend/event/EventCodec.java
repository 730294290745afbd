package dev.attend.event;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one JSON mapping of events, both ways: the CLI's writer, events replay, the GUI bridge and the history store
 * all use it. Jackson polymorphism keyed by the {@code type} field; the subtypes are the records
 * {@link AttendEvent} permits, each named by its {@link JsonTypeName}. A type this build does not know decodes to an
 * {@link UnknownEvent} that keeps the whole object, so files from newer versions replay and re-encode unchanged.
 * Unknown fields of known types are ignored (fields are only ever added within a schema major version). Thread-safe.
 */
public final class EventCodec {

    private static final ClassValue<String> TYPE_NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            JsonTypeName name = type.getAnnotation(JsonTypeName.class);
            if (name == null || name.value().isBlank()) {
                throw new IllegalStateException(type.getName() + " is an AttendEvent without @JsonTypeName");
            }
            return name.value();
        }
    };
    private static final Map<String, Class<? extends AttendEvent>> TYPES = registeredTypes();
    private static final ObjectMapper MAPPER = buildMapper();

    private EventCodec() {
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Class<? extends AttendEvent>> registeredTypes() {
        Map<String, Class<? extends AttendEvent>> types = new LinkedHashMap<>();
        for (Class<?> c : AttendEvent.class.getPermittedSubclasses()) {
            if (c == UnknownEvent.class) {
                continue;
            }
            Class<? extends AttendEvent> prev = types.put(TYPE_NAMES.get(c), (Class<? extends AttendEvent>) c);
            if (prev != null) {
                throw new IllegalStateException("event type '" + TYPE_NAMES.get(c) + "' is used by both "
                        + prev.getName() + " and " + c.getName());
            }
        }
        return Collections.unmodifiableMap(types);
    }

    private static ObjectMapper buildMapper() {
        JsonMapper m = JsonMapper.builder()
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        TYPES.forEach((name, type) -> m.registerSubtypes(new NamedType(type, name)));
        return m;
    }

    /** The mapper behind the codec (compact output, events' subtypes registered). Do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Every known event type by its {@code type} name, in the order {@link AttendEvent} lists them. */
    public static Map<String, Class<? extends AttendEvent>> types() {
        return TYPES;
    }

    /** The {@code type} name of an event record, e.g. {@code asr.final}. */
    public static String typeName(Class<?> eventType) {
        return TYPE_NAMES.get(eventType);
    }

    /** One compact JSON object, {@code type} and {@code t} first; no line break. */
    public static String encode(AttendEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event cannot be written as JSON: " + event, e);
        }
    }

    /** The event as a JSON tree (what {@link #encode} writes). */
    public static ObjectNode toTree(AttendEvent event) {
        if (event instanceof UnknownEvent u) {
            return u.raw();
        }
        return MAPPER.valueToTree(event);
    }

    /**
     * Decodes one JSON object (e.g. a line of an events file).
     *
     * @throws EventFormatException when the text is not a JSON object with a string {@code type}, or a known type's
     *                              field has the wrong kind of value (the message says which)
     */
    public static AttendEvent decode(String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new EventFormatException("not JSON: " + e.getOriginalMessage(), e);
        }
        return decode(node);
    }

    /** As {@link #decode(String)}, from a tree. */
    public static AttendEvent decode(JsonNode node) {
        if (!(node instanceof ObjectNode obj)) {
            throw new EventFormatException("an event must be a JSON object, not " + describe(node));
        }
        if (!obj.path("type").isTextual()) {
            throw new EventFormatException("an event needs a string field 'type'");
        }
        Class<? extends AttendEvent> type = TYPES.get(obj.get("type").asText());
        if (type == null) {
            return new UnknownEvent(obj.deepCopy());
        }
        try {
            return MAPPER.treeToValue(obj, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String msg = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new EventFormatException("'" + obj.get("type").asText() + "' event: " + msg, e);
        }
    }

    private static String describe(JsonNode node) {
        return node == null || node.isMissingNode() ? "nothing" : node.getNodeType().name().toLowerCase();
    }
}
