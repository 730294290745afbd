package dev.attend.concurrent;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;

/**
 * The application's one executor for work that belongs to no session: UI background tasks, model downloads and
 * their watchdogs, timers. Owned by the app (created at start, {@link #shutdown} at exit); sessions own their own
 * threads through their {@code Pipeline}. {@link ThreadPoolTaskExecutor} runs on {@code attend-task-*} threads;
 * {@link CurrentThreadTaskExecutor} runs everything deterministically on the caller's thread for tests.
 */
public interface TaskExecutor {

    /** Runs {@code task} soon; its exception is logged (the future fails with it). */
    Future<?> execute(Runnable task);

    /** Runs {@code task} soon; its result or exception arrives through the future. */
    <V> Future<V> submit(Callable<V> task);

    /** Runs {@code task} once after {@code delay}. */
    Scheduled schedule(Runnable task, Duration delay);

    /** Runs {@code task} after {@code initialDelay}, then again {@code delay} after each run ended, until cancelled. */
    Scheduled scheduleWithFixedDelay(Runnable task, Duration initialDelay, Duration delay);

    /** Stops accepting work, cancels what is scheduled, interrupts what runs and waits a few seconds for it. */
    void shutdown();

    /** A scheduled task. */
    interface Scheduled {
        /** Cancels the task; a run in progress finishes (it is not interrupted). Idempotent. */
        void cancel();

        boolean isCancelled();
    }
}
