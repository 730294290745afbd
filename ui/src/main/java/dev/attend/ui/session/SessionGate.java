package dev.attend.ui.session;

import dev.attend.event.CoreEvents;
import dev.attend.event.EventSink;

/**
 * Which session's events may reach the views. Each new session (start, seek, replay) opens a new generation, so a
 * stopped or replaced session's late events never reach the next one's views; after Stop only the session's own
 * {@code session.end} still passes.
 */
final class SessionGate {

    private volatile int generation;
    private volatile boolean stopRequested;

    /** A new session: the previous one's events are dropped from here on. */
    void open() {
        generation++;
        stopRequested = false;
    }

    /** Drops everything of the current generation (a start still in flight closes what it gets). */
    void invalidate() {
        generation++;
    }

    /** Stop was asked for: only the current session's {@code session.end} passes. */
    void stopRequested() {
        stopRequested = true;
    }

    int generation() {
        return generation;
    }

    boolean isCurrent(int gen) {
        return gen == generation;
    }

    /** True while events of generation {@code gen} may still flow (not replaced, not stopped). */
    boolean isLive(int gen) {
        return gen == generation && !stopRequested;
    }

    /** A sink that lets the current generation's events through to {@code to}. */
    EventSink guard(EventSink to) {
        int gen = generation;
        return e -> {
            if (gen == generation && (!stopRequested || e instanceof CoreEvents.SessionEnd)) {
                to.emit(e);
            }
        };
    }
}
