package dev.attend.concurrent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

/**
 * A deterministic {@link TaskExecutor} for tests: {@code execute}/{@code submit} run the task at once on the
 * caller's thread; scheduled tasks wait on a manual clock that only {@link #advance} moves, and then run on the
 * caller's thread in due order. No thread is ever started.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    private final List<Timer> timers = new ArrayList<>();
    private long nowNanos;
    private long sequence;
    private boolean shutdown;

    private final class Timer implements Scheduled {
        final Runnable task;
        final long periodNanos; // 0: once
        final long seq = sequence++;
        long dueNanos;
        boolean cancelled;

        Timer(Runnable task, long dueNanos, long periodNanos) {
            this.task = task;
            this.dueNanos = dueNanos;
            this.periodNanos = periodNanos;
        }

        @Override
        public void cancel() {
            cancelled = true;
            timers.remove(this);
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }

    @Override
    public Future<?> execute(Runnable task) {
        return submit(() -> {
            task.run();
            return null;
        });
    }

    @Override
    public <V> Future<V> submit(Callable<V> task) {
        checkOpen();
        try {
            return CompletableFuture.completedFuture(task.call());
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public Scheduled schedule(Runnable task, Duration delay) {
        return add(new Timer(task, nowNanos + delay.toNanos(), 0));
    }

    @Override
    public Scheduled scheduleWithFixedDelay(Runnable task, Duration initialDelay, Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            throw new IllegalArgumentException("delay must be positive: " + delay);
        }
        return add(new Timer(task, nowNanos + initialDelay.toNanos(), delay.toNanos()));
    }

    private Scheduled add(Timer t) {
        checkOpen();
        timers.add(t);
        return t;
    }

    /** Moves the manual clock forward, running every scheduled task that falls due, in order. */
    public void advance(Duration d) {
        long target = nowNanos + d.toNanos();
        while (true) {
            Timer next = timers.stream().filter(t -> t.dueNanos <= target)
                    .min(Comparator.<Timer>comparingLong(t -> t.dueNanos).thenComparingLong(t -> t.seq)).orElse(null);
            if (next == null) {
                break;
            }
            nowNanos = Math.max(nowNanos, next.dueNanos);
            timers.remove(next);
            next.task.run();
            if (next.periodNanos > 0 && !next.cancelled && !shutdown) {
                next.dueNanos = nowNanos + next.periodNanos;
                timers.add(next);
            }
        }
        nowNanos = target;
    }

    /** Tasks waiting on the manual clock. */
    public int scheduledCount() {
        return timers.size();
    }

    @Override
    public void shutdown() {
        shutdown = true;
        timers.clear();
    }

    private void checkOpen() {
        if (shutdown) {
            throw new RejectedExecutionException("task executor is shut down");
        }
    }
}
