package dev.attend.pipeline;

import dev.attend.concurrent.AttendThreads;
import dev.attend.event.AttendEvent;
import dev.attend.event.CoreEvents;
import dev.attend.event.EventSink;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of a session, on its {@code attend-finish} thread once every source has ended: media stages drain, the
 * bus stages finish their queues in order, then the final {@code stats} and {@code session.end}. Also the gate for
 * events published from outside the media, closed as the session starts finishing so nothing follows the end.
 */
final class SessionFinish {

    private static final Logger LOG = LoggerFactory.getLogger(SessionFinish.class);

    private final StageSet stages;
    private final StatsReporter stats;
    private final MediaCounters counters;
    private final EventSink events;
    private final Duration busStageEndWait;
    private final BooleanSupplier stopped; // stop() was called or media reached the stop time
    private final AtomicReference<String> reason = new AtomicReference<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Object inputLock = new Object();
    private boolean inputClosed; // guarded by inputLock: set once the session starts finishing
    private volatile Thread thread;

    SessionFinish(StageSet stages, StatsReporter stats, MediaCounters counters, EventSink events,
                  Duration busStageEndWait, BooleanSupplier stopped) {
        this.stages = stages;
        this.stats = stats;
        this.counters = counters;
        this.events = events;
        this.busStageEndWait = busStageEndWait;
        this.stopped = stopped;
    }

    /** The session ends with reason "error" (a source died, the sink cannot write), unless it already has one. */
    void failed() {
        reason.compareAndSet(null, "error");
    }

    /** The session never ran (a source did not open): nothing will end it. */
    void never() {
        ended.countDown();
    }

    /** All sources are done: the stages drain and the session ends on a thread of its own. */
    void begin(long startNanos) {
        stages.finishMedia();
        Thread f = AttendThreads.newThread("finish", () -> finish(startNanos));
        thread = f;
        f.start();
    }

    /** Emits {@code event} unless the session is finishing or has ended (on the caller's thread, like a stage). */
    boolean publish(boolean started, AttendEvent event) {
        synchronized (inputLock) {
            if (!started || inputClosed) {
                return false;
            }
            events.emit(event);
            return true;
        }
    }

    private void finish(long startNanos) {
        synchronized (inputLock) {
            inputClosed = true; // what was published before still reaches the bus stages drained below
        }
        try {
            stages.joinMedia();
            stats.stop();
            stages.drainBusStages(busStageEndWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stats.emit();
        reason.compareAndSet(null, stopped.getAsBoolean() ? "stopped" : "eof");
        MediaCounters.Snapshot m = counters.snapshot();
        CoreEvents.SessionEnd end = new CoreEvents.SessionEnd(m.mediaTime(), reason.get(), m.audioSeconds(),
                m.videoFrames(), stages.audioDropped(), stages.videoDropped(),
                MediaCounters.round6((System.nanoTime() - startNanos) / 1e9));
        LOG.info("session ended: {}", end);
        try {
            events.emit(end);
        } finally {
            ended.countDown();
        }
    }

    boolean await(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isEnded() {
        return ended.getCount() == 0;
    }

    /** Why the session ended ("eof", "stopped", "error"), or null while it runs. */
    String reason() {
        return isEnded() ? reason.get() : null;
    }

    void joinThread(long millis) throws InterruptedException {
        Thread f = thread;
        if (f != null) {
            f.join(millis);
        }
    }
}
