package dev.attend.ui.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attend.event.AsrEvents;
import dev.attend.event.CoreEvents;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventBridgeTest {

    @Test
    void handsOutEventsAsJsonTreesInOneBatchAndRefreshesOnce() {
        EventBridge bridge = new EventBridge();
        List<List<JsonNode>> batches = new ArrayList<>();
        int[] refreshes = {0};
        bridge.addListener(batches::add);
        bridge.addRefresher(() -> refreshes[0]++);
        bridge.emit(new CoreEvents.Level(0.08, 0.08, -20, -6));
        bridge.emit(new AsrEvents.Partial(0.5, 3, "one two"));

        assertThat(bridge.drain()).isEqualTo(2);

        assertThat(batches).hasSize(1);
        JsonNode partial = batches.get(0).get(1);
        assertThat(partial.path("type").asText()).isEqualTo("asr.partial");
        assertThat(partial.path("utterance").asInt()).isEqualTo(3);
        assertThat(partial.path("text").asText()).isEqualTo("one two");
        assertThat(refreshes[0]).isEqualTo(1);
    }

    @Test
    void pausedBridgeHoldsEventsUntilResumed() {
        EventBridge bridge = new EventBridge();
        List<JsonNode> seen = new ArrayList<>();
        bridge.addListener(seen::addAll);
        bridge.setPaused(true);
        bridge.emit(new AsrEvents.Partial(0.5, 0, "held"));

        assertThat(bridge.drain()).isZero();
        assertThat(seen).isEmpty();
        assertThat(bridge.queued()).isEqualTo(1);

        bridge.setPaused(false);
        assertThat(bridge.drain()).isEqualTo(1);
        assertThat(seen).extracting(n -> n.path("text").asText()).containsExactly("held");
    }

    @Test
    void ignoresTreesWithoutAType() {
        EventBridge bridge = new EventBridge();
        bridge.accept(dev.attend.event.EventJson.mapper().createObjectNode().put("t", 1.0));
        assertThat(bridge.received()).isZero();
        assertThat(bridge.queued()).isZero();
    }
}
