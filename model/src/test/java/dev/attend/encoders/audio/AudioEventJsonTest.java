package dev.attend.encoders.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.event.VadEvent;
import dev.attend.event.WakeEvent;
import dev.attend.event.EventJson;
import org.junit.jupiter.api.Test;

/** The pinned JSON shapes of {@code vad} and {@code wake} (docs/events.md). */
class AudioEventJsonTest {

    @Test
    void vadStartAndEnd() {
        assertThat(EventJson.toJson(VadEvent.start(1.23, 0.91)))
                .isEqualTo("{\"type\":\"vad\",\"t\":1.23,\"event\":\"start\",\"start\":1.23,\"end\":null,"
                        + "\"probability\":0.91}");
        assertThat(EventJson.toJson(VadEvent.end(1.23, 2.5, 0.9)))
                .isEqualTo("{\"type\":\"vad\",\"t\":2.5,\"event\":\"end\",\"start\":1.23,\"end\":2.5,"
                        + "\"probability\":0.9}");
    }

    @Test
    void wake() {
        assertThat(EventJson.toJson(new WakeEvent(3.2, "hey_jarvis", 0.71, 0.5, 0.98, 3.28)))
                .isEqualTo("{\"type\":\"wake\",\"t\":3.2,\"model\":\"hey_jarvis\",\"score\":0.71,\"threshold\":0.5,"
                        + "\"peak\":0.98,\"peakT\":3.28}");
    }
}
