package dev.attend.ui.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.event.AsrEvents;
import dev.attend.event.AttendEvent;
import dev.attend.event.CoreEvents;
import dev.attend.event.EventCodec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventBridgeTest {

    @Test
    void handsOutRecordsInOneBatchToSubscribersByClassAndRefreshesOnce() {
        EventBridge bridge = new EventBridge();
        List<List<AttendEvent>> batches = new ArrayList<>();
        List<AsrEvents.Partial> partials = new ArrayList<>();
        int[] refreshes = {0};
        bridge.addBatchListener(batches::add);
        bridge.subscribe(AsrEvents.Partial.class, partials::add);
        bridge.addRefresher(() -> refreshes[0]++);
        bridge.emit(new CoreEvents.Level(0.08, 0.08, -20, -6));
        bridge.emit(new AsrEvents.Partial(0.5, 3, "one two"));

        assertThat(bridge.drain()).isEqualTo(2);

        assertThat(batches).hasSize(1);
        assertThat(batches.get(0)).hasSize(2);
        assertThat(partials).containsExactly(new AsrEvents.Partial(0.5, 3, "one two"));
        assertThat(refreshes[0]).isEqualTo(1);
    }

    @Test
    void aReplayedTreeArrivesAsItsRecord() {
        EventBridge bridge = new EventBridge();
        List<AsrEvents.Partial> partials = new ArrayList<>();
        bridge.subscribe(AsrEvents.Partial.class, partials::add);
        bridge.accept(EventCodec.toTree(new AsrEvents.Partial(1.5, 7, "seven")));
        bridge.drain();
        assertThat(partials).containsExactly(new AsrEvents.Partial(1.5, 7, "seven"));
    }

    @Test
    void pausedBridgeHoldsEventsUntilResumed() {
        EventBridge bridge = new EventBridge();
        List<AttendEvent> seen = new ArrayList<>();
        bridge.addBatchListener(seen::addAll);
        bridge.setPaused(true);
        bridge.emit(new AsrEvents.Partial(0.5, 0, "held"));

        assertThat(bridge.drain()).isZero();
        assertThat(seen).isEmpty();
        assertThat(bridge.queued()).isEqualTo(1);

        bridge.setPaused(false);
        assertThat(bridge.drain()).isEqualTo(1);
        assertThat(seen).containsExactly(new AsrEvents.Partial(0.5, 0, "held"));
    }

    @Test
    void ignoresTreesWithoutAType() {
        EventBridge bridge = new EventBridge();
        bridge.accept(dev.attend.event.EventJson.mapper().createObjectNode().put("t", 1.0));
        assertThat(bridge.received()).isZero();
        assertThat(bridge.queued()).isZero();
    }
}
