package dev.attend.ui.session;

/** A started session (pipeline or replay). {@link #close} stops it if needed and releases everything, once. */
public interface RunningSession extends AutoCloseable {

    /** Asks the session to stop; it ends with a {@code session.end} event. */
    void stop();

    boolean isEnded();

    /** Pauses file media (media time stops; a live device goes on). Default: nothing to pause. */
    default void setPaused(boolean paused) {
    }

    @Override
    void close();

    /** A started pipeline as a session: stop, end and close map one to one. */
    static RunningSession of(dev.attend.pipeline.Pipeline p) {
        return new RunningSession() {
            @Override
            public void stop() {
                p.stop();
            }

            @Override
            public boolean isEnded() {
                return p.isEnded();
            }

            @Override
            public void setPaused(boolean paused) {
                if (paused) {
                    p.pause();
                } else {
                    p.resume();
                }
            }

            @Override
            public void close() {
                p.close();
            }
        };
    }
}
