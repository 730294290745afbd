package dev.attend.pipeline;

/**
 * Real-time pacing of file media that can be paused: media time {@code t} is due {@code t} seconds after the start
 * plus the time spent paused, so a paused file stops where it was and resumes there (a device cannot pause: live
 * sources never use it). Thread-safe; waits end early on interrupt.
 */
public final class PaceClock {

    private final Object lock = new Object();
    private long startNanos;
    private long pausedAt = -1;

    public PaceClock(long startNanos) {
        this.startNanos = startNanos;
    }

    public static PaceClock startingNow() {
        return new PaceClock(System.nanoTime());
    }

    /** Media time {@code seconds} is now (a file opened at an offset after a seek). */
    public static PaceClock startingAt(double seconds) {
        return new PaceClock(System.nanoTime() - Math.round(seconds * 1e9));
    }

    /** Stops media time now (no-op if already paused). */
    public void pause() {
        synchronized (lock) {
            if (pausedAt < 0) {
                pausedAt = System.nanoTime();
            }
        }
    }

    /** Media time goes on from where it stopped. */
    public void resume() {
        synchronized (lock) {
            if (pausedAt >= 0) {
                startNanos += System.nanoTime() - pausedAt;
                pausedAt = -1;
                lock.notifyAll();
            }
        }
    }

    public boolean isPaused() {
        synchronized (lock) {
            return pausedAt >= 0;
        }
    }

    /** Media seconds now (frozen while paused). */
    public double now() {
        synchronized (lock) {
            long at = pausedAt >= 0 ? pausedAt : System.nanoTime();
            return (at - startNanos) / 1e9;
        }
    }

    /** Blocks while paused (as-fast-as-possible files stop too). */
    public void awaitRunning() throws InterruptedException {
        synchronized (lock) {
            while (pausedAt >= 0) {
                lock.wait();
            }
        }
    }

    /** Blocks until media time {@code t} is due, not counting paused time. */
    public void awaitDue(double t) throws InterruptedException {
        synchronized (lock) {
            while (true) {
                if (pausedAt >= 0) {
                    lock.wait();
                    continue;
                }
                long wait = startNanos + (long) (t * 1e9) - System.nanoTime();
                if (wait <= 0) {
                    return;
                }
                // wakes early on resume/pause; the loop re-reads the start
                lock.wait(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
    }
}
