package dev.attend.pipeline;

import dev.attend.event.CoreEvents;
import dev.attend.event.CoreEvents.StageStats;
import dev.attend.media.MediaItem;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one stage on its own thread, fed by its own bounded queue, and keeps its counters. */
final class StageRunner<T extends MediaItem> implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(StageRunner.class);

    private final Stage<T> stage;
    private final String stream;
    private final StageQueue<T> queue;
    private final StageContext ctx;
    private final Thread thread;
    private final CountDownLatch started = new CountDownLatch(1);

    private volatile long processed;
    private volatile boolean failed;
    private double lastT; // media time of the last item processed (stage thread only)
    // latency accumulators for the current stats interval
    private double latencySumMs;
    private double latencyMaxMs;
    private long latencyCount;
    private long droppedReported;

    StageRunner(Stage<T> stage, String stream, int capacity, OverflowPolicy policy, StageContext ctx) {
        this.stage = stage;
        this.stream = stream;
        this.queue = new StageQueue<>(capacity, policy);
        this.ctx = ctx;
        this.thread = new Thread(this, "attend-stage-" + stage.name());
        this.thread.setDaemon(true);
    }

    String name() {
        return stage.name();
    }

    String stream() {
        return stream;
    }

    StageQueue<T> queue() {
        return queue;
    }

    Thread thread() {
        return thread;
    }

    void startThread() {
        thread.start();
    }

    /** Waits until the stage's {@link Stage#start} returned or failed; false when the wait timed out. */
    boolean awaitStarted(long timeout, TimeUnit unit) throws InterruptedException {
        return started.await(timeout, unit);
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
                T item = queue.take();
                if (item == null) {
                    break;
                }
                if (failed || ctx.stopping()) {
                    // keep draining so producers never block; after stop() what is still queued is skipped
                    // (an item put while stop() cleared the queue can still arrive here)
                    continue;
                }
                try {
                    stage.process(item, ctx);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (Exception | LinkageError e) {
                    fail("failed at t=" + item.t(), e, item.t());
                }
                lastT = item.t();
                recordLatency((System.nanoTime() - item.enteredNanos()) / 1e6);
                processed++;
            }
            if (!failed) {
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
