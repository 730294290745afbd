package dev.attend.ui.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attend.ui.bridge.EventListener;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The assistant line and the status bar: wake/addressee state, last intent and reply (from {@code wake},
 * {@code vad}, {@code assistant}); pipeline latency, drops and session state (from {@code stats}, {@code drop},
 * {@code session.*}, {@code source.error}).
 */
public final class AssistantViewModel implements EventListener {

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

    @Override
    public void onEvents(List<JsonNode> batch) {
        for (JsonNode e : batch) {
            double t = e.path("t").asDouble();
            switch (e.path("type").asText()) {
                case "session.start" -> {
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
                }
                case "session.end" -> session.set("ended: " + e.path("reason").asText());
                case "wake" -> state.set(String.format("wake %s %.2f @ %.1fs", e.path("model").asText(),
                        e.path("score").asDouble(), t));
                case "vad" -> {
                    if (!state.get().startsWith("wake")) {
                        state.set("start".equals(e.path("event").asText()) ? "speech" : "idle");
                    }
                }
                case "assistant" -> {
                    state.set(e.path("state").asText(state.get()));
                    intent.set(e.path("intent").asText(""));
                    reply.set(e.path("reply").asText(""));
                }
                case "stats" -> latency.set(latencyOf(e));
                case "drop" -> {
                    dropped += e.path("dropped").asLong();
                    drops.set(Long.toString(dropped));
                    String stream = e.path("stream").asText();
                    totals.put(stream + "/" + e.path("stage").asText(), e.path("totalDropped").asLong(
                            totals.getOrDefault(stream + "/" + e.path("stage").asText(), 0L)
                                    + e.path("dropped").asLong()));
                    audioDrops.set(sum("audio/"));
                    videoDrops.set(sum("video/"));
                }
                case "source.error" -> lastError.set(e.path("source").asText() + ": " + e.path("message").asText());
                default -> { }
            }
        }
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
    static String latencyOf(JsonNode stats) {
        double worst = 0;
        for (JsonNode s : stats.path("stages")) {
            worst = Math.max(worst, s.path("latencyMsMean").asDouble());
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
