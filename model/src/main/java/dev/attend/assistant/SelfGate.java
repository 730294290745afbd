package dev.attend.assistant;

import java.util.ArrayList;
import java.util.List;

/**
 * The media-time spans in which the assistant itself speaks: wake-word and recognizer events inside one are its
 * own voice and never acted on. Its own lock, not the stage's: a timer's alarm marks a span from the timer thread
 * while the stage may be waiting for the assistant.
 */
final class SelfGate {

    /** Spans that ended this long before a new one are forgotten. */
    private static final double KEEP_SECONDS = 60;
    private final List<double[]> spans = new ArrayList<>();
    private final double tailSeconds;

    /** @param tailSeconds a span outlasts the reply by this much (room echo, playback start-up) */
    SelfGate(double tailSeconds) {
        this.tailSeconds = tailSeconds;
    }

    /** The assistant speaks from media time {@code from} for {@code seconds}. */
    synchronized void speaking(double from, double seconds) {
        spans.removeIf(g -> g[1] < from - KEEP_SECONDS);
        spans.add(new double[] {from, from + seconds + tailSeconds});
    }

    /** Whether media time {@code t} lies in a span the assistant speaks in. */
    synchronized boolean gated(double t) {
        for (double[] g : spans) {
            if (t >= g[0] && t <= g[1]) {
                return true;
            }
        }
        return false;
    }
}
