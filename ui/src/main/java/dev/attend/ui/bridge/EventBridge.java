package dev.attend.ui.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attend.event.AttendEvent;
import dev.attend.event.EventBus;
import dev.attend.event.EventCodec;
import dev.attend.event.EventFormatException;
import dev.attend.event.EventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one road from pipeline threads to the UI. Any thread {@link #emit}s typed events (replayed JSON is decoded by
 * {@link EventCodec} first); they wait in a lock-free queue. The UI thread calls {@link #drain} once per pulse
 * (≤ 60/s, see {@link FxPulse}): each event goes to the {@link #subscribe typed subscribers} of its class on the UI
 * thread, the whole batch to each batch listener, then the refreshers run once: many events, one redraw. While
 * paused nothing is handed out; events wait (up to {@link #MAX_QUEUED}, then the oldest are dropped and counted).
 * View-models read records only; a replayed JSON line is decoded once, here.
 */
public final class EventBridge implements EventSink {

    public static final int MAX_QUEUED = 200_000;
    private static final int MAX_BATCH = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(EventBridge.class);

    private final ConcurrentLinkedQueue<AttendEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final List<Consumer<List<AttendEvent>>> batchListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> refreshers = new CopyOnWriteArrayList<>();
    private final EventBus<AttendEvent> bus = new EventBus<>("ui events");
    private volatile boolean paused;

    @Override
    public void emit(AttendEvent event) {
        enqueue(event);
    }

    /**
     * Adds an event that is a JSON tree (a replayed events file). Objects without a string {@code type}, or whose
     * fields do not fit their type, are ignored (logged).
     */
    public void accept(JsonNode event) {
        if (!(event instanceof ObjectNode) || !event.path("type").isTextual()) {
            return;
        }
        AttendEvent e;
        try {
            e = EventCodec.decode(event);
        } catch (EventFormatException ex) {
            LOG.warn("replayed event skipped: {}", ex.getMessage());
            return;
        }
        enqueue(e);
    }

    private void enqueue(AttendEvent event) {
        received.incrementAndGet();
        queue.add(event);
        if (queued.incrementAndGet() > MAX_QUEUED && queue.poll() != null) {
            queued.decrementAndGet();
            dropped.incrementAndGet();
        }
    }

    /**
     * On the UI thread, once per drained event that is a {@code type}: e.g.
     * {@code bridge.subscribe(AsrEvents.Final.class, this::onFinal)}. A subscriber that throws is logged; the
     * others still get the event.
     */
    public <T extends AttendEvent> EventBus.Subscription subscribe(Class<T> type, Consumer<? super T> consumer) {
        return bus.subscribe(type, consumer);
    }

    /** On the UI thread, once per drained batch, with the batch's events in order. */
    public void addBatchListener(Consumer<List<AttendEvent>> l) {
        batchListeners.add(l);
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
        List<AttendEvent> batch = new ArrayList<>();
        AttendEvent e;
        while (batch.size() < MAX_BATCH && (e = queue.poll()) != null) {
            queued.decrementAndGet();
            batch.add(e);
        }
        if (!batch.isEmpty()) {
            List<AttendEvent> events = List.copyOf(batch);
            for (AttendEvent ev : events) {
                bus.publish(ev);
            }
            for (Consumer<List<AttendEvent>> l : batchListeners) {
                try {
                    l.accept(events);
                } catch (RuntimeException ex) {
                    LOG.warn("a batch listener failed; the others still got the batch", ex);
                }
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
