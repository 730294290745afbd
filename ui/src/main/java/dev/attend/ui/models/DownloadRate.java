package dev.attend.ui.models;

import java.util.Locale;

/**
 * Speed and time left of a download from its progress reports: the rate over the last few seconds (a stall shows
 * as a falling rate, not a frozen one), and the bytes left at that rate.
 */
final class DownloadRate {

    /** Rate window: long enough to smooth TCP bursts, short enough to follow a changing line. */
    static final double WINDOW_SECONDS = 3.0;

    private long startNanos = -1;
    private long windowNanos;
    private long windowBytes;
    private double bytesPerSecond = Double.NaN;

    /** Takes one progress report; returns the current rate in bytes per second (NaN until 0.5 s have passed). */
    double update(long done, long nanos) {
        if (startNanos < 0) {
            startNanos = nanos;
            windowNanos = nanos;
            windowBytes = done;
            return bytesPerSecond;
        }
        double span = (nanos - windowNanos) / 1e9;
        if (span >= 0.5) {
            double now = (done - windowBytes) / span;
            bytesPerSecond = Double.isNaN(bytesPerSecond) ? now : blend(bytesPerSecond, now, span);
            windowNanos = nanos;
            windowBytes = done;
        }
        return bytesPerSecond;
    }

    private static double blend(double old, double now, double span) {
        double w = Math.min(1, span / WINDOW_SECONDS);
        return old * (1 - w) + now * w;
    }

    /** Seconds left for {@code total − done} bytes at the current rate; NaN when unknown. */
    double secondsLeft(long done, long total) {
        if (total <= 0 || !(bytesPerSecond > 0)) {
            return Double.NaN;
        }
        return Math.max(0, total - done) / bytesPerSecond;
    }

    /** "2.1 MB/s". */
    static String speedText(double bytesPerSecond) {
        if (!(bytesPerSecond >= 0)) {
            return "–";
        }
        if (bytesPerSecond < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f KB/s", bytesPerSecond / 1024);
        }
        return String.format(Locale.ROOT, "%.1f MB/s", bytesPerSecond / (1024 * 1024));
    }

    /** "0:17", "1:02:05". */
    static String clock(double seconds) {
        long s = (long) Math.ceil(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
