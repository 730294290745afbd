package dev.attend.app.bench;

import dev.attend.encoders.audio.wake.WakeVerifier;
import java.util.List;

/**
 * Fits a {@link WakeVerifier}'s logistic regression: features standardised, classes weighted to count equally, L2
 * penalty, full-batch Adam for a fixed number of steps from zero weights — deterministic, and a 1 537-weight linear
 * model needs no training library (the build's PyTorch lives in the fusion module for the transformer; starting a
 * native engine for this would only add start-up time and run-to-run float noise).
 */
final class WakeLogisticFit {

    static final int STEPS = 400;
    static final double L2 = 1e-2;
    static final double RATE = 0.02;

    private WakeLogisticFit() {
    }

    /** One example: features ({@link WakeVerifier#FEATURES}) and whether it is the wake word. */
    record Example(float[] x, boolean positive) {
    }

    /** Fitted weights; thresholds set to the given candidate threshold and cut. */
    static WakeVerifier fit(String model, List<Example> data, float candidate, float cut) {
        int d = WakeVerifier.FEATURES;
        int n = data.size();
        float[] mean = new float[d];
        float[] scale = new float[d];
        double[] sum = new double[d];
        double[] sq = new double[d];
        int pos = 0;
        for (Example e : data) {
            pos += e.positive() ? 1 : 0;
            for (int i = 0; i < d; i++) {
                sum[i] += e.x()[i];
                sq[i] += (double) e.x()[i] * e.x()[i];
            }
        }
        if (pos == 0 || pos == n) {
            throw new IllegalArgumentException("verifier for " + model + " needs positives and negatives: "
                    + pos + " of " + n);
        }
        for (int i = 0; i < d; i++) {
            mean[i] = (float) (sum[i] / n);
            double var = sq[i] / n - mean[i] * (double) mean[i];
            scale[i] = (float) (1 / Math.sqrt(Math.max(var, 1e-6)));
        }
        float[][] z = new float[n][d];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < d; i++) {
                z[k][i] = (data.get(k).x()[i] - mean[i]) * scale[i];
            }
        }
        double wPos = 0.5 / pos;
        double wNeg = 0.5 / (n - pos);
        double[] w = new double[d + 1];
        double[] m = new double[d + 1];
        double[] v = new double[d + 1];
        double[] g = new double[d + 1];
        for (int step = 1; step <= STEPS; step++) {
            java.util.Arrays.fill(g, 0);
            for (int k = 0; k < n; k++) {
                double a = w[d];
                float[] x = z[k];
                for (int i = 0; i < d; i++) {
                    a += w[i] * x[i];
                }
                boolean y = data.get(k).positive();
                double err = (1 / (1 + Math.exp(-a)) - (y ? 1 : 0)) * (y ? wPos : wNeg);
                for (int i = 0; i < d; i++) {
                    g[i] += err * x[i];
                }
                g[d] += err;
            }
            for (int i = 0; i < d; i++) {
                g[i] += L2 * w[i] / d;
            }
            double b1 = 1 - Math.pow(0.9, step);
            double b2 = 1 - Math.pow(0.999, step);
            for (int i = 0; i <= d; i++) {
                m[i] = 0.9 * m[i] + 0.1 * g[i];
                v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
                w[i] -= RATE * (m[i] / b1) / (Math.sqrt(v[i] / b2) + 1e-8);
            }
        }
        float[] wf = new float[d];
        for (int i = 0; i < d; i++) {
            wf[i] = (float) w[i];
        }
        return new WakeVerifier(model, candidate, cut, mean, scale, wf, (float) w[d]);
    }
}
