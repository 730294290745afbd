package dev.attend.ui.session;

/** A started session (pipeline or replay). {@link #close} stops it if needed and releases everything, once. */
public interface RunningSession extends AutoCloseable {

    /** Asks the session to stop; it ends with a {@code session.end} event. */
    void stop();

    boolean isEnded();

    @Override
    void close();
}
