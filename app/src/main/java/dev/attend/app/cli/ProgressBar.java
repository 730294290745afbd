package dev.attend.app.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** A one-line progress bar with ETA on stderr, redrawn at most 4 times a second. */
final class ProgressBar {

    private final PrintWriter err;
    private final String label;
    private final long started = System.nanoTime();
    private long lastDraw;

    ProgressBar(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
    }

    void update(long done, long total, String info) {
        long now = System.nanoTime();
        if (done < total && now - lastDraw < 250_000_000L) {
            return;
        }
        lastDraw = now;
        double frac = total == 0 ? 1 : done / (double) total;
        int width = 30;
        int full = (int) Math.round(frac * width);
        double elapsed = (now - started) / 1e9;
        double eta = done == 0 ? Double.NaN : elapsed * (total - done) / done;
        err.print(String.format(Locale.ROOT, "\r%s [%s%s] %d/%d %3.0f%% %s ETA %s %s", label, "#".repeat(full),
                ".".repeat(width - full), done, total, 100 * frac, clock(elapsed), clock(eta), info));
        err.flush();
    }

    void finish() {
        err.println();
        err.flush();
    }

    static String clock(double s) {
        if (!Double.isFinite(s)) {
            return "--:--";
        }
        long t = Math.round(s);
        return String.format(Locale.ROOT, "%d:%02d", t / 60, t % 60);
    }
}
