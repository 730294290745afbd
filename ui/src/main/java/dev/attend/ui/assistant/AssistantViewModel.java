package dev.attend.ui.assistant;

import dev.attend.event.CoreEvents;
import dev.attend.event.VadEvent;
import dev.attend.event.WakeEvent;
import dev.attend.ui.bridge.EventBridge;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The assistant line and the status bar: wake/speech state (from {@code wake}, {@code vad}; intent and reply wait
 * for the assistant's own event type); pipeline latency, drops per stream and session state (from {@code stats},
 * {@code drop}, {@code session.*}, {@code source.error}).
 */
public final class AssistantViewModel {

    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("idle");
    private final ReadOnlyStringWrapper intent = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reply = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper latency = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper drops = new ReadOnlyStringWrapper("0");
    private final javafx.beans.property.ReadOnlyLongWrapper audioDrops = new javafx.beans.property.ReadOnlyLongWrapper();
    private final javafx.beans.property.ReadOnlyLongWrapper videoDrops = new javafx.beans.property.ReadOnlyLongWrapper();
    /** Per stage and stream, its running total: the status shows what the log's per-stage lines add up to. */
    private final java.util.Map<String, Long> totals = new java.util.HashMap<>();
    private final ReadOnlyStringWrapper session = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastError = new ReadOnlyStringWrapper("");
    private long dropped;

    /** Follows wake, speech, stats, drops and errors (the assistant's own events come with the assistant). */
    public void subscribe(EventBridge bridge) {
        bridge.subscribe(CoreEvents.SessionStart.class, e -> {
            dropped = 0;
            drops.set("0");
            totals.clear();
            audioDrops.set(0);
            videoDrops.set(0);
            session.set("running");
            state.set("idle");
            intent.set("");
            reply.set("");
            lastError.set("");
        });
        bridge.subscribe(CoreEvents.SessionEnd.class, e -> session.set("ended: " + e.reason()));
        bridge.subscribe(WakeEvent.class, e -> state.set(String.format("wake %s %.2f @ %.1fs", e.model(), e.score(),
                e.t())));
        bridge.subscribe(VadEvent.class, e -> {
            if (!state.get().startsWith("wake")) {
                state.set("start".equals(e.event()) ? "speech" : "idle");
            }
        });
        bridge.subscribe(CoreEvents.Stats.class, e -> latency.set(latencyOf(e)));
        bridge.subscribe(CoreEvents.Drop.class, e -> {
            dropped += e.dropped();
            drops.set(Long.toString(dropped));
            totals.put(e.stream() + "/" + e.stage(), e.totalDropped());
            audioDrops.set(sum("audio/"));
            videoDrops.set(sum("video/"));
        });
        bridge.subscribe(CoreEvents.SourceError.class, e -> lastError.set(e.source() + ": " + e.message()));
    }

    private long sum(String prefix) {
        return totals.entrySet().stream().filter(x -> x.getKey().startsWith(prefix)).mapToLong(
                java.util.Map.Entry::getValue).sum();
    }

    /** Audio chunks dropped this session, over all stages (each stage's running total). */
    public javafx.beans.property.ReadOnlyLongProperty audioDropsProperty() {
        return audioDrops.getReadOnlyProperty();
    }

    /** Video frames dropped this session (a busy face stage skips frames: the freshest wins). */
    public javafx.beans.property.ReadOnlyLongProperty videoDropsProperty() {
        return videoDrops.getReadOnlyProperty();
    }

    /** Worst mean stage latency of the last interval, in ms. */
    static String latencyOf(CoreEvents.Stats stats) {
        double worst = 0;
        for (CoreEvents.StageStats s : stats.stages()) {
            worst = Math.max(worst, s.latencyMsMean());
        }
        return String.format("%.0f ms", worst);
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty intentProperty() {
        return intent.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty replyProperty() {
        return reply.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty latencyProperty() {
        return latency.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dropsProperty() {
        return drops.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError.getReadOnlyProperty();
    }
}
