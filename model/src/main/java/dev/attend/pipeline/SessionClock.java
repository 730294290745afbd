package dev.attend.pipeline;

/** The session's media clock for live sources: seconds since the session started. */
public final class SessionClock {

    private final long startNanos;

    public SessionClock(long startNanos) {
        this.startNanos = startNanos;
    }

    public static SessionClock startingNow() {
        return new SessionClock(System.nanoTime());
    }

    public long startNanos() {
        return startNanos;
    }

    /** Media seconds now. */
    public double now() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Wall-clock nanos at which media time {@code t} is due (for real-time pacing of files). */
    public long dueNanos(double t) {
        return startNanos + (long) (t * 1e9);
    }
}
