package dev.attend.ui.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.event.AsrEvents;
import dev.attend.event.AttendEvent;
import dev.attend.event.CoreEvents;
import dev.attend.event.EventCodec;
import dev.attend.event.UnknownEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventBridgeTypedTest {

    @Test
    void subscribersGetRecordsOfTheirClassAndReplayedTreesArriveDecoded() throws Exception {
        EventBridge bridge = new EventBridge();
        List<AsrEvents.Final> finals = new ArrayList<>();
        List<AttendEvent> all = new ArrayList<>();
        List<List<AttendEvent>> batches = new ArrayList<>();
        bridge.subscribe(AsrEvents.Final.class, finals::add);
        bridge.subscribe(AttendEvent.class, e -> {
            all.add(e);
            throw new IllegalStateException("a broken view must not stop the others");
        });
        bridge.addBatchListener(batches::add);
        AsrEvents.Final fin = new AsrEvents.Final(0.5, 1.2, 0, "one two", 1.0, List.of(), List.of());
        bridge.emit(new CoreEvents.Level(0.08, 0.08, -20, -6));
        bridge.emit(fin);
        bridge.accept(EventCodec.mapper().readTree(EventCodec.encode(
                new AsrEvents.Final(2.0, 2.5, 1, "three", 0.9, List.of(), List.of()))));
        bridge.accept(EventCodec.mapper().readTree("{\"type\":\"future.kind\",\"t\":3.0,\"text\":\"hi\"}"));
        bridge.accept(EventCodec.mapper().readTree("{\"type\":\"level\",\"t\":\"not a number\"}")); // skipped

        assertThat(bridge.drain()).isEqualTo(4);

        assertThat(finals).extracting(AsrEvents.Final::text).containsExactly("one two", "three");
        assertThat(finals.get(0)).isSameAs(fin);
        assertThat(all).hasSize(4);
        assertThat(all.get(3)).isInstanceOfSatisfying(UnknownEvent.class,
                u -> assertThat(u.raw().path("text").asText()).isEqualTo("hi"));
        assertThat(batches).singleElement().isEqualTo(all);
    }
}
