package dev.attend.app.cli;

import dev.attend.asr.models.DownloadProgress;
import dev.attend.asr.models.InstallListener;
import java.io.PrintWriter;
import java.util.Locale;

/** A one-line progress bar on stderr; on a non-terminal, one line per 10 %. */
final class InstallProgressBar implements InstallListener {
    private final PrintWriter err;
    private final boolean terminal;
    private long lastNanos;
    private int lastDecile = -1;
    private boolean open;

    InstallProgressBar(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void onStep(String step) {
        finish();
        err.println(step + " …");
        err.flush();
    }

    @Override
    public void onWarning(String message) {
        finish();
        err.println("warning: " + message);
        err.flush();
    }

    @Override
    public void onProgress(DownloadProgress p) {
        long now = System.nanoTime();
        if (terminal) {
            if (now - lastNanos < 100_000_000L && !p.complete()) {
                return;
            }
            lastNanos = now;
            err.print("\r" + line(p));
            open = true;
        } else {
            int decile = p.fraction() < 0 ? -1 : (int) (p.fraction() * 10);
            if (decile == lastDecile) {
                return;
            }
            lastDecile = decile;
            err.println(line(p));
        }
        err.flush();
    }

    void finish() {
        if (open) {
            err.println();
            err.flush();
            open = false;
        }
    }

    static String line(DownloadProgress p) {
        String speed = human((long) p.bytesPerSecond()) + "/s";
        if (p.fraction() < 0) {
            return human(p.bytesDone()) + "  " + speed;
        }
        int filled = (int) Math.round(p.fraction() * 30);
        return "[" + "#".repeat(filled) + ".".repeat(30 - filled) + "] "
                + String.format(Locale.ROOT, "%3d%%", Math.round(p.fraction() * 100)) + "  "
                + human(p.bytesDone()) + " / " + human(p.bytesTotal()) + "  " + speed + "   ";
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
    }
}
