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

    /**
     * Publishes an event from outside the media (a typed sentence) into the session, so its stages, events file
     * and history see it. Returns false when this session takes no such input (a replay) or is finishing.
     */
    default boolean publish(dev.attend.event.AttendEvent event) {
        return false;
    }

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
            public boolean publish(dev.attend.event.AttendEvent event) {
                return p.publish(event);
            }

            @Override
            public void close() {
                p.close();
            }
        };
    }
}
