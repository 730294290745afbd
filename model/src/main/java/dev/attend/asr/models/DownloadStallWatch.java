package dev.attend.asr.models;

import dev.attend.concurrent.TaskExecutor;
import dev.attend.concurrent.ThreadPoolTaskExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/** Closes the body when no bytes arrived for the stall timeout; HttpClient has no read timeout of its own. */
final class DownloadStallWatch implements AutoCloseable {
    private final TaskExecutor own; // only when the downloader was given none
    private final TaskExecutor.Scheduled check;
    private volatile long lastNanos = System.nanoTime();
    private volatile boolean stalled;

    DownloadStallWatch(InputStream body, Duration timeout, TaskExecutor tasks) {
        own = tasks == null ? new ThreadPoolTaskExecutor("download-watch", 1) : null;
        Duration period = Duration.ofMillis(Math.max(50, timeout.toMillis() / 4));
        check = (tasks != null ? tasks : own).scheduleWithFixedDelay(() -> {
            if (System.nanoTime() - lastNanos > timeout.toNanos() && !stalled) {
                stalled = true;
                try {
                    body.close();
                } catch (IOException ignored) {
                    // the reader fails and reports the stall
                }
            }
        }, period, period);
    }

    void alive() {
        lastNanos = System.nanoTime();
    }

    boolean stalled() {
        return stalled;
    }

    @Override
    public void close() {
        check.cancel();
        if (own != null) {
            own.shutdown();
        }
    }
}
