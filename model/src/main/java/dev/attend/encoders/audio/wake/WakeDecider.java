package dev.attend.encoders.audio.wake;

import java.util.Objects;

/**
 * Threshold, patience and refractory period over one model's score stream, and the peak of the run that fired.
 * Pure logic. A detection is decided when the score has been at or above the threshold on {@code patience}
 * consecutive steps, and handed out when that run ends (the first score below the threshold, {@link #finish} at
 * the end of the stream, or {@link #MAX_HOLD_SECONDS} after it fired, whichever comes first), so it can carry the
 * run's peak.
 */
public final class WakeDecider {

    /** Longest a decided detection is held back waiting for the run's end (bounds the added latency). */
    public static final double MAX_HOLD_SECONDS = 0.5;

    /**
     * One detection.
     *
     * @param t     time of the score that decided it (the run's {@code patience}-th)
     * @param score that score
     * @param peakT time of the highest score of the run up to its hand-out (the first one on a tie)
     * @param peak  that score
     */
    public record Detection(double t, double score, double peakT, double peak) {
    }

    private final WakeOptions options;
    private int run;
    private boolean armed = true;
    private double lastFired = Double.NEGATIVE_INFINITY;
    private double peak;
    private double peakT;
    private Detection pending;

    public WakeDecider(WakeOptions options) {
        this.options = Objects.requireNonNull(options);
    }

    /** The next score, at media time {@code t}; a detection when one is handed out now, else null. */
    public Detection accept(double t, double score) {
        return accept(t, score, () -> true);
    }

    /**
     * As {@link #accept(double, double)}, but a run that would fire first asks {@code verify} (only then, once per
     * block): when it declines, the run goes on and asks again on its next block.
     */
    public Detection accept(double t, double score, java.util.function.BooleanSupplier verify) {
        if (score < options.threshold()) {
            run = 0;
            armed = true;
            return finish();
        }
        if (run == 0 || score > peak) {
            peak = score;
            peakT = t;
        }
        run++;
        if (pending != null) {
            return t - pending.t() >= MAX_HOLD_SECONDS - 1e-9 ? finish() : null;
        }
        if (armed && run >= options.patience() && t - lastFired >= options.refractorySeconds()
                && verify.getAsBoolean()) {
            lastFired = t;
            armed = false;
            pending = new Detection(t, score, peakT, peak);
        }
        return null;
    }

    /** The detection still held back (the stream ended during its run), or null. */
    public Detection finish() {
        Detection d = pending;
        pending = null;
        return d == null ? null : new Detection(d.t(), d.score(), peakT, peak);
    }
}
