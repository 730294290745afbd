package dev.attend.app.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attend.app.session.FeatureOptions;
import dev.attend.app.session.SessionFactory;
import dev.attend.app.session.SessionSpec;
import dev.attend.assistant.service.AssistantService;
import dev.attend.event.AttendEvent;
import dev.attend.event.EventJson;
import dev.attend.pipeline.Pacing;
import dev.attend.pipeline.Pipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The assistant's end-to-end tests: a real session over a WAV at file pace, its events as JSON trees. */
final class SessionEvents {

    private SessionEvents() {
    }

    /** Runs the session to its end (two minutes at most) and returns every event it emitted, in order. */
    static List<JsonNode> run(Path wav, FeatureOptions features, AssistantService assistant) throws Exception {
        List<JsonNode> events = Collections.synchronizedList(new ArrayList<>());
        try (Pipeline p = SessionFactory.create(SessionSpec.ofAudioFile(wav, Pacing.FAST, features),
                e -> events.add(json(e)), List.of(), List.of(), assistant)) {
            p.start();
            assertThat(p.awaitEnd(Duration.ofSeconds(120))).isTrue();
        }
        return List.copyOf(events);
    }

    static JsonNode json(AttendEvent e) {
        try {
            return EventJson.mapper().readTree(EventJson.toJson(e));
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    static List<JsonNode> ofType(List<JsonNode> events, String type) {
        return events.stream().filter(e -> type.equals(e.path("type").asText())).toList();
    }
}
