package dev.attend.ui.attention;

import javafx.scene.control.Label;

/**
 * A label whose text changes with every fusion pass (12.5 a second): a label's new text makes JavaFX lay out and
 * restyle its branch of the window, and nobody reads 12 texts a second, so the text goes in at most every
 * {@link #INTERVAL_NS}; the newest one is kept and shown by a later {@link #flush} (called every pulse).
 */
public final class ThrottledText {

    static final long INTERVAL_NS = 250_000_000L;
    private final Label label;
    private String pending;
    private long last = Long.MIN_VALUE / 2;

    public ThrottledText(Label label) {
        this.label = label;
    }

    /** Sets the text now when {@code now} or the interval has passed, else keeps it for {@link #flush}. */
    public void set(String text, boolean now) {
        long t = System.nanoTime();
        if (now || t - last >= INTERVAL_NS) {
            show(text, t);
        } else {
            pending = text;
        }
    }

    /** Shows a kept text once the interval has passed. */
    public void flush() {
        long t = System.nanoTime();
        if (pending != null && t - last >= INTERVAL_NS) {
            show(pending, t);
        }
    }

    private void show(String text, long t) {
        pending = null;
        last = t;
        label.setText(text);
    }
}
