package dev.attend.audioenc.wake;

import java.util.Objects;

/** Threshold, patience and refractory period over one model's score stream. Pure logic. */
public final class WakeDecider {

    private final WakeOptions options;
    private int run;
    private boolean armed = true;
    private double lastFired = Double.NEGATIVE_INFINITY;

    public WakeDecider(WakeOptions options) {
        this.options = Objects.requireNonNull(options);
    }

    /** The next score, at media time {@code t}; true when it fires. */
    public boolean accept(double t, double score) {
        if (score < options.threshold()) {
            run = 0;
            armed = true;
            return false;
        }
        run++;
        if (armed && run >= options.patience() && t - lastFired >= options.refractorySeconds()) {
            lastFired = t;
            armed = false;
            return true;
        }
        return false;
    }
}
