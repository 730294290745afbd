package dev.attend.audioenc.wake;

/**
 * When a wake-word score becomes a detection.
 *
 * @param threshold         score in (0, 1) the model must reach
 * @param patience          consecutive tokens (80 ms each) at or above the threshold before it fires (at least 1)
 * @param refractorySeconds after a detection, the same model stays quiet this long, and until its score has
 *                          dropped below the threshold again
 */
public record WakeOptions(double threshold, int patience, double refractorySeconds) {

    public WakeOptions {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("wake threshold must be in (0, 1): " + threshold);
        }
        if (patience < 1) {
            throw new IllegalArgumentException("wake patience must be at least 1 frame: " + patience);
        }
        if (refractorySeconds < 0) {
            throw new IllegalArgumentException("wake refractory period must not be negative: " + refractorySeconds);
        }
    }

    /** Threshold 0.5, patience 1, refractory 2 s. */
    public static WakeOptions defaults() {
        return withThreshold(0.5);
    }

    public static WakeOptions withThreshold(double threshold) {
        return new WakeOptions(threshold, 1, 2.0);
    }
}
