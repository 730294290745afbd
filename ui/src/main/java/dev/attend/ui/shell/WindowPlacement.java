package dev.attend.ui.shell;

import dev.attend.ui.settings.Settings;
import javafx.geometry.Rectangle2D;

/**
 * Where the main window goes: on first start 80 % of the visible screen, at least 1280 × 800 where that fits,
 * centred; afterwards the saved position and size, clamped so the whole window is on the visible screen. Set
 * explicitly before the window is shown, so a window manager never falls back to its own tiny default.
 */
public final class WindowPlacement {

    public static final double MIN_WIDTH = 640;
    public static final double MIN_HEIGHT = 480;
    static final double FIRST_WIDTH = 1280;
    static final double FIRST_HEIGHT = 800;

    /** Window bounds (x, y, width, height) and whether it was maximized. */
    public record Bounds(double x, double y, double width, double height, boolean maximized) {
    }

    private WindowPlacement() {
    }

    /** Bounds for a saved state (width 0 = never saved) on a screen with the given visual bounds. */
    public static Bounds place(Settings.WindowState saved, Rectangle2D screen) {
        double sw = screen.getWidth();
        double sh = screen.getHeight();
        boolean known = saved != null && saved.width() >= MIN_WIDTH / 2 && saved.height() >= MIN_HEIGHT / 2;
        double w;
        double h;
        if (known) {
            w = saved.width();
            h = saved.height();
        } else {
            w = Math.max(sw * 0.8, FIRST_WIDTH);
            h = Math.max(sh * 0.8, FIRST_HEIGHT);
        }
        w = Math.min(Math.max(w, Math.min(MIN_WIDTH, sw)), sw);
        h = Math.min(Math.max(h, Math.min(MIN_HEIGHT, sh)), sh);
        double x;
        double y;
        if (known) {
            x = clamp(saved.x(), screen.getMinX(), screen.getMaxX() - w);
            y = clamp(saved.y(), screen.getMinY(), screen.getMaxY() - h);
        } else {
            x = screen.getMinX() + (sw - w) / 2;
            y = screen.getMinY() + (sh - h) / 2;
        }
        return new Bounds(x, y, w, h, known && saved.maximized());
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(v, Math.max(lo, hi)));
    }
}
