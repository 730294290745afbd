package dev.attend.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventBusTest {

    @Test
    void deliversAlongTheClassHierarchyInSubscriptionOrder() {
        EventBus<AttendEvent> bus = new EventBus<>("test");
        List<String> got = new ArrayList<>();
        bus.subscribe(AttendEvent.class, e -> got.add("any:" + e.type()));
        bus.subscribe(CoreEvents.Level.class, l -> got.add("level:" + l.rmsDbfs()));
        bus.subscribe(WakeEvent.class, w -> got.add("wake:" + w.model()));
        bus.publish(new CoreEvents.Level(0.1, 0.1, -20, -3));
        bus.publish(new WakeEvent(1, "alexa", 0.9, 0.5));
        assertThat(got).containsExactly("any:level", "level:-20.0", "any:wake", "wake:alexa");
        assertThat(bus.hasSubscribers(VadEvent.class)).isTrue(); // via AttendEvent
    }

    @Test
    void aFailingSubscriberIsIsolatedAndUnsubscribeStopsDelivery() {
        EventBus<AttendEvent> bus = new EventBus<>("test");
        List<AttendEvent> got = new ArrayList<>();
        bus.subscribe(AttendEvent.class, e -> {
            throw new IllegalStateException("broken view");
        });
        EventBus.Subscription s = bus.subscribe(CoreEvents.Level.class, got::add);
        CoreEvents.Level l = new CoreEvents.Level(0.1, 0.1, -20, -3);
        bus.publish(l);
        assertThat(got).containsExactly(l);
        s.close();
        s.close(); // idempotent
        bus.publish(l);
        assertThat(got).hasSize(1);
        assertThat(bus.subscriberCount()).isEqualTo(1);
        assertThat(bus.hasSubscribers(CoreEvents.Level.class)).isTrue();
        EventBus<AttendEvent> empty = new EventBus<>("empty");
        assertThat(empty.hasSubscribers(CoreEvents.Level.class)).isFalse();
    }
}
