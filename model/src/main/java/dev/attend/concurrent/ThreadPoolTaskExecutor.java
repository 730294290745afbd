package dev.attend.concurrent;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's {@link TaskExecutor}: a bounded pool of {@code attend-<owner>-<n>} daemon threads (idle ones end after
 * a while, so an idle app holds none) that also runs the scheduled tasks.
 */
public final class ThreadPoolTaskExecutor implements TaskExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadPoolTaskExecutor.class);
    private final ScheduledThreadPoolExecutor pool;

    /** @param threads at most this many tasks run at once (e.g. 4) */
    public ThreadPoolTaskExecutor(String owner, int threads) {
        pool = new ScheduledThreadPoolExecutor(threads, AttendThreads.factory(owner));
        pool.setKeepAliveTime(30, TimeUnit.SECONDS);
        pool.allowCoreThreadTimeOut(true);
        pool.setRemoveOnCancelPolicy(true);
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public Future<?> execute(Runnable task) {
        return pool.submit(logged(task));
    }

    @Override
    public <V> Future<V> submit(Callable<V> task) {
        return pool.submit(task);
    }

    @Override
    public Scheduled schedule(Runnable task, Duration delay) {
        return wrap(pool.schedule(logged(task), delay.toNanos(), TimeUnit.NANOSECONDS));
    }

    @Override
    public Scheduled scheduleWithFixedDelay(Runnable task, Duration initialDelay, Duration delay) {
        // a periodic task that throws would silently stop: log and keep it running instead
        Runnable safe = () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("periodic task failed; it keeps running", e);
            }
        };
        return wrap(pool.scheduleWithFixedDelay(safe, initialDelay.toNanos(), delay.toNanos(),
                TimeUnit.NANOSECONDS));
    }

    @Override
    public void shutdown() {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("background tasks still running after shutdown: {}", pool.getActiveCount());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isShutdown() {
        return pool.isShutdown();
    }

    private static Runnable logged(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.warn("background task failed", e);
                throw e;
            }
        };
    }

    private static Scheduled wrap(ScheduledFuture<?> f) {
        return new Scheduled() {
            @Override
            public void cancel() {
                f.cancel(false);
            }

            @Override
            public boolean isCancelled() {
                return f.isCancelled();
            }
        };
    }
}
