package dev.attend.pipeline;

import dev.attend.concurrent.AttendThreads;
import dev.attend.event.CoreEvents.StageStats;
import dev.attend.event.CoreEvents;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one stage on its own thread, fed by its own bounded queue, and keeps its counters. The same runner serves
 * media stages (audio, video) and bus stages (events, tokens); they differ in what {@code stop} does: media stages
 * skip what is still queued, bus stages finish it (a transcript queued for translation is still translated).
 */
final class StageRunner<T> implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(StageRunner.class);

    /** An item with the wall-clock time it entered the pipeline (for latency). */
    record Queued<T>(T item, long enteredNanos) {
    }

    private final Stage<T> stage;
    private final String stream;
    private final StageQueue<Queued<T>> queue;
    private final StageContext ctx;
    private final ToDoubleFunction<T> mediaTime;
    private final boolean skipWhenStopping;
    private final Thread thread;
    private final CountDownLatch started = new CountDownLatch(1);

    private volatile long processed;
    private volatile boolean failed;
    private volatile boolean abandoned;
    private double lastT; // media time of the last item processed (stage thread only)
    // latency accumulators for the current stats interval
    private double latencySumMs;
    private double latencyMaxMs;
    private long latencyCount;
    private long droppedReported;

    StageRunner(Stage<T> stage, String stream, int capacity, OverflowPolicy policy, StageContext ctx,
                ToDoubleFunction<T> mediaTime, boolean skipWhenStopping) {
        this.stage = stage;
        this.stream = stream;
        this.queue = new StageQueue<>(capacity, policy);
        this.ctx = ctx;
        this.mediaTime = mediaTime;
        this.skipWhenStopping = skipWhenStopping;
        this.thread = AttendThreads.newThread("stage-" + stage.name(), this);
    }

    String name() {
        return stage.name();
    }

    String stream() {
        return stream;
    }

    StageQueue<Queued<T>> queue() {
        return queue;
    }

    Thread thread() {
        return thread;
    }

    void startThread() {
        thread.start();
    }

    /**
     * Queues an item that entered the pipeline at {@code enteredNanos}, by the queue's policy.
     *
     * @return false when an item was dropped
     */
    boolean put(T item, long enteredNanos) throws InterruptedException {
        return queue.put(new Queued<>(item, enteredNanos));
    }

    /** Items handed to the stage so far (processed or skipped). */
    long processed() {
        return processed;
    }

    /** Waits until the stage's {@link Stage#start} returned or failed; false when the wait timed out. */
    boolean awaitStarted(long timeout, TimeUnit unit) throws InterruptedException {
        return started.await(timeout, unit);
    }

    /** The session ends without waiting for this stage any longer: it skips what is left and is interrupted. */
    void abandon() {
        abandoned = true;
        queue.clear();
        thread.interrupt();
    }

    /** The stage never ran (its pipeline failed to start): release it without starting it. */
    void closeUnstarted() {
        try {
            stage.close();
        } catch (Exception e) {
            LOG.warn("stage {} did not close cleanly", stage.name(), e);
        }
    }

    @Override
    public void run() {
        try {
            try {
                stage.start(ctx);
            } catch (Exception | LinkageError e) {
                fail("could not start", e, 0);
            } finally {
                started.countDown();
            }
            while (true) {
                Queued<T> q = queue.take();
                if (q == null) {
                    break;
                }
                if (failed || abandoned || skipWhenStopping && ctx.stopping()) {
                    // keep draining so producers never block; after stop() what is still queued is skipped
                    // (an item put while stop() cleared the queue can still arrive here)
                    continue;
                }
                double t = mediaTime.applyAsDouble(q.item());
                try {
                    stage.process(q.item(), ctx);
                    if (queue.depth() == 0) {
                        stage.caughtUp(ctx);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (Exception | LinkageError e) {
                    fail("failed at t=" + t, e, t);
                }
                lastT = t;
                recordLatency((System.nanoTime() - q.enteredNanos()) / 1e6);
                processed++;
            }
            if (!failed && !abandoned) {
                try {
                    stage.end(ctx);
                } catch (Exception e) {
                    fail("failed at end of stream", e, lastT);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                stage.close();
            } catch (Exception e) {
                LOG.warn("stage {} did not close cleanly", stage.name(), e);
            }
        }
    }

    private void fail(String what, Throwable e, double t) {
        failed = true;
        LOG.error("stage {} {}", stage.name(), what, e);
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // the session goes on without this stage; the others still see every item
        ctx.events().emit(new CoreEvents.SourceError(Math.round(t * 1e6) / 1e6, stage.name(),
                "stage " + what + ": " + msg.replaceAll("\\s+", " ").trim(), false));
    }

    private synchronized void recordLatency(double ms) {
        latencySumMs += ms;
        latencyCount++;
        if (ms > latencyMaxMs) {
            latencyMaxMs = ms;
        }
    }

    /** Counters since the last call; resets the latency window. */
    synchronized StageStats snapshot() {
        double mean = latencyCount == 0 ? 0 : latencySumMs / latencyCount;
        StageStats s = new StageStats(stage.name(), stream, processed, queue.depth(), queue.capacity(),
                queue.dropped(), round2(mean), round2(latencyMaxMs));
        latencySumMs = 0;
        latencyMaxMs = 0;
        latencyCount = 0;
        return s;
    }

    /** Drops since the previous call. */
    synchronized long newDrops() {
        long total = queue.dropped();
        long fresh = total - droppedReported;
        droppedReported = total;
        return fresh;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
