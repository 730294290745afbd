package dev.attend.pipeline;

/**
 * Pausing file media. Real-time pacing starts when the sources are open, so a slow open (FFmpeg probing a
 * container) does not turn the first second of a file into a burst; a pause asked for before that still holds.
 */
final class PauseControl {

    private final Object lock = new Object();
    private boolean pauseRequested; // guarded by lock, with the creation of paceClock
    private volatile PaceClock paceClock;

    /**
     * Starts the pace clock now at media time {@code mediaStart} (a file opened at an offset), paused if a pause
     * was asked for already.
     */
    void startClock(double mediaStart) {
        synchronized (lock) {
            PaceClock pc = PaceClock.startingAt(mediaStart);
            if (pauseRequested) {
                pc.pause();
            }
            paceClock = pc;
        }
    }

    /** The pace clock; only once {@link #startClock} ran. */
    PaceClock clock() {
        return paceClock;
    }

    void pause() {
        synchronized (lock) {
            pauseRequested = true;
            if (paceClock != null) {
                paceClock.pause();
            }
        }
    }

    void resume() {
        synchronized (lock) {
            pauseRequested = false;
            if (paceClock != null) {
                paceClock.resume();
            }
        }
    }

    boolean isPaused() {
        synchronized (lock) {
            return pauseRequested;
        }
    }
}
