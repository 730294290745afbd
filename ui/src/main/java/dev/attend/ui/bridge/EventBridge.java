package dev.attend.ui.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attend.event.AttendEvent;
import dev.attend.event.EventJson;
import dev.attend.event.EventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one road from pipeline threads to the UI. Any thread {@link #emit}s; events become JSON trees on the
 * emitting thread (so every feature shows up generically, by the field names in docs/events.md) and wait in a
 * lock-free queue. The UI thread calls {@link #drain} once per pulse (≤ 60/s, see {@link FxPulse}) and hands the
 * whole batch to each listener, then runs the refreshers once: many events, one redraw. While paused nothing is
 * handed out; events wait (up to {@link #MAX_QUEUED}, then the oldest are dropped and counted).
 */
public final class EventBridge implements EventSink {

    public static final int MAX_QUEUED = 200_000;
    private static final int MAX_BATCH = 5_000;

    private final ConcurrentLinkedQueue<JsonNode> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final List<EventListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> refreshers = new CopyOnWriteArrayList<>();
    private volatile boolean paused;

    @Override
    public void emit(AttendEvent event) {
        accept(EventJson.mapper().valueToTree(event));
    }

    /** Adds an event that is already a JSON tree (a replayed events file). Objects without {@code type} are ignored. */
    public void accept(JsonNode event) {
        if (!(event instanceof ObjectNode) || !event.hasNonNull("type")) {
            return;
        }
        received.incrementAndGet();
        queue.add(event);
        if (queued.incrementAndGet() > MAX_QUEUED && queue.poll() != null) {
            queued.decrementAndGet();
            dropped.incrementAndGet();
        }
    }

    public void addListener(EventListener l) {
        listeners.add(l);
    }

    /** Runs once after each non-empty batch (and on every pulse while not paused, for live previews). */
    public void addRefresher(Runnable r) {
        refreshers.add(r);
    }

    /** UI thread: hands out what has arrived (unless paused); returns how many events were handed out. */
    public int drain() {
        if (paused) {
            return 0;
        }
        List<JsonNode> batch = new ArrayList<>();
        JsonNode e;
        while (batch.size() < MAX_BATCH && (e = queue.poll()) != null) {
            queued.decrementAndGet();
            batch.add(e);
        }
        if (!batch.isEmpty()) {
            List<JsonNode> view = List.copyOf(batch);
            for (EventListener l : listeners) {
                l.onEvents(view);
            }
        }
        for (Runnable r : refreshers) {
            r.run();
        }
        return batch.size();
    }

    public void setPaused(boolean p) {
        paused = p;
    }

    public boolean isPaused() {
        return paused;
    }

    /** Forgets queued events (a new session starts). */
    public void clear() {
        while (queue.poll() != null) {
            queued.decrementAndGet();
        }
    }

    public int queued() {
        return Math.max(0, queued.get());
    }

    public long dropped() {
        return dropped.get();
    }

    public long received() {
        return received.get();
    }
}
