package dev.attend.pipeline;

import dev.attend.concurrent.AttendThreads;
import dev.attend.event.CoreEvents;
import dev.attend.event.EventSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The session's {@code stats} (and {@code drop}) events: one every interval while it runs, and a final one. */
final class StatsReporter {

    private static final Logger LOG = LoggerFactory.getLogger(StatsReporter.class);

    private final StageSet stages;
    private final EventSink events;
    private final DoubleSupplier mediaTime;
    private final Duration interval;
    private final Object lock = new Object();
    private boolean done; // guarded by lock
    private long startNanos;
    // a plain thread, not an executor, so close() can join it; never interrupted, because an interrupt would
    // close a file channel that an event sink may be writing to
    private Thread thread;

    StatsReporter(StageSet stages, EventSink events, DoubleSupplier mediaTime, Duration interval) {
        this.stages = stages;
        this.events = events;
        this.mediaTime = mediaTime;
        this.interval = interval;
    }

    void start(long sessionStartNanos) {
        this.startNanos = sessionStartNanos;
        thread = AttendThreads.start("stats", this::loop);
    }

    /** A {@code stats} event every interval (fixed rate, wall clock) until {@link #stop}. */
    private void loop() {
        long step = interval.toNanos();
        long next = System.nanoTime() + step;
        while (true) {
            synchronized (lock) {
                long wait;
                while (!done && (wait = next - System.nanoTime()) > 0) {
                    try {
                        TimeUnit.NANOSECONDS.timedWait(lock, wait);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (done) {
                    return;
                }
                // under the lock, so once stop() returns no periodic stats can follow the final one
                emit();
            }
            next += step;
        }
    }

    /**
     * Ends the loop: once this returns, no periodic stats event can follow. The session's end does not wait for the
     * thread itself to wake and exit (one less thread switch at the end of every session); {@link #join} does.
     */
    void stop() {
        synchronized (lock) {
            done = true;
            lock.notifyAll();
        }
    }

    void join() throws InterruptedException {
        stop();
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            t.join();
        }
    }

    /** One {@code stats} event, preceded by a {@code drop} event for each stage that dropped since the last one. */
    void emit() {
        try {
            double t = mediaTime.getAsDouble();
            List<CoreEvents.StageStats> stats = new ArrayList<>();
            for (StageRunner<?> r : stages.all()) {
                stats.add(r.snapshot());
                long drops = r.newDrops();
                if (drops > 0) {
                    events.emit(new CoreEvents.Drop(t, r.name(), r.stream(), drops, r.queue().dropped()));
                    if ("audio".equals(r.stream())) {
                        LOG.warn("stage {} dropped {} audio chunks (total {})", r.name(), drops, r.queue().dropped());
                    }
                }
            }
            events.emit(new CoreEvents.Stats(t, MediaCounters.round6((System.nanoTime() - startNanos) / 1e9), stats));
        } catch (RuntimeException e) {
            LOG.warn("stats not emitted", e);
        }
    }
}
