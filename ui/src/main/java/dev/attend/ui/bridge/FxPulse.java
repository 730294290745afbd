package dev.attend.ui.bridge;

import java.util.Arrays;
import javafx.animation.AnimationTimer;

/**
 * Drains the {@link EventBridge} on the JavaFX pulse, at most 60 times a second, and keeps the recent intervals
 * between pulses so the UI's responsiveness can be measured (p95 pulse interval).
 */
public final class FxPulse extends AnimationTimer {

    private static final long MIN_INTERVAL_NANOS = 1_000_000_000L / 60 - 500_000; // a little slack for jitter
    private static final int WINDOW = 4096;

    private final EventBridge bridge;
    private final long[] intervals = new long[WINDOW];
    private final long[] drains = new long[WINDOW];
    private int count;
    private int drainCount;
    private long lastPulse;
    private long lastDrain;

    public FxPulse(EventBridge bridge) {
        this.bridge = bridge;
    }

    @Override
    public void handle(long now) {
        if (lastPulse != 0) {
            intervals[count++ % WINDOW] = now - lastPulse;
        }
        lastPulse = now;
        if (now - lastDrain >= MIN_INTERVAL_NANOS) {
            lastDrain = now;
            long t0 = System.nanoTime();
            bridge.drain();
            drains[drainCount++ % WINDOW] = System.nanoTime() - t0;
        }
    }

    /** UI thread: the given percentile (0–100) of recent pulse intervals in ms, or NaN before two pulses. */
    public double intervalPercentileMs(double p) {
        return percentile(intervals, count, p);
    }

    /** UI thread: percentile of the time the bridge's drain (view-models + view refreshes) took, in ms. */
    public double drainPercentileMs(double p) {
        return percentile(drains, drainCount, p);
    }

    private static double percentile(long[] values, int count, double p) {
        int n = Math.min(count, WINDOW);
        if (n == 0) {
            return Double.NaN;
        }
        long[] copy = Arrays.copyOf(values, n);
        Arrays.sort(copy);
        int idx = (int) Math.min(n - 1, Math.ceil(p / 100.0 * n) - 1);
        return copy[Math.max(0, idx)] / 1e6;
    }

    public void resetStats() {
        count = 0;
        drainCount = 0;
    }
}
