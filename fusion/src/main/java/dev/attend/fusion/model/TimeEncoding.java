package dev.attend.fusion.model;

import ai.djl.ndarray.NDArray;

/**
 * Sinusoidal encoding of media time in seconds (not of token index), so an audio and a video token of the same
 * moment get the same code whatever their rates. d/2 frequencies, geometric from {@link #MIN_HZ} (a 4-s window is
 * well inside one period) to {@link #MAX_HZ} (finer than the 80-ms grid); sines then cosines.
 */
public final class TimeEncoding {

    public static final double MIN_HZ = 0.1;
    public static final double MAX_HZ = 10.0;

    private TimeEncoding() {
    }

    /** (B,T) seconds → (B,T,d). */
    public static NDArray of(NDArray times, int d) {
        int half = d / 2;
        float[] w = new float[half];
        for (int k = 0; k < half; k++) {
            double f = half == 1 ? MIN_HZ : MIN_HZ * Math.pow(MAX_HZ / MIN_HZ, k / (double) (half - 1));
            w[k] = (float) (2 * Math.PI * f);
        }
        long b = times.getShape().get(0);
        long t = times.getShape().get(1);
        NDArray angles = times.reshape(b, t, 1).mul(times.getManager().create(w).reshape(1, 1, half));
        return angles.sin().concat(angles.cos(), 2);
    }
}
