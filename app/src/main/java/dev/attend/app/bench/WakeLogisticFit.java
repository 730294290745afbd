package dev.attend.app.bench;

import dev.attend.encoders.audio.wake.WakeVerifier;
import java.util.List;

/**
 * Fits a {@link WakeVerifier}'s logistic regression: features standardised, classes weighted to count equally, L2
 * penalty, full-batch accelerated gradient descent for a fixed number of steps from zero weights — deterministic, and a 1 537-weight linear
 * model needs no training library (the build's PyTorch lives in the fusion module for the transformer; starting a
 * native engine for this would only add start-up time and run-to-run float noise).
 */
final class WakeLogisticFit {

    static final int STEPS = 200;
    static final double L2 = 1e-3;

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
        double[] cw = new double[n];
        for (int k = 0; k < n; k++) {
            cw[k] = data.get(k).positive() ? wPos : wNeg;
        }
        // step 1/L, L bounding the loss's curvature (a quarter of the weighted features' top eigenvalue, by power
        // iteration): plain accelerated gradient descent, so a weight grows with its feature's evidence (Adam's
        // per-weight steps let 1 500 noisy features grow as fast as the informative ones)
        double step = 1 / (0.25 * topEigenvalue(z, cw, d) + L2);
        double[] w = new double[d + 1];
        double[] prev = new double[d + 1];
        double[] y = new double[d + 1];
        double[] g = new double[d + 1];
        for (int it = 1; it <= STEPS; it++) {
            java.util.Arrays.fill(g, 0);
            for (int k = 0; k < n; k++) {
                double a = y[d];
                float[] x = z[k];
                for (int i = 0; i < d; i++) {
                    a += y[i] * x[i];
                }
                double err = (1 / (1 + Math.exp(-a)) - (data.get(k).positive() ? 1 : 0)) * cw[k];
                for (int i = 0; i < d; i++) {
                    g[i] += err * x[i];
                }
                g[d] += err;
            }
            double mom = (it - 1.0) / (it + 2.0);
            for (int i = 0; i <= d; i++) {
                double reg = i < d ? L2 * y[i] : 0;
                double next = y[i] - step * (g[i] + reg);
                y[i] = next + mom * (next - prev[i]);
                prev[i] = next;
            }
            System.arraycopy(prev, 0, w, 0, d + 1);
        }
        float[] wf = new float[d];
        for (int i = 0; i < d; i++) {
            wf[i] = (float) w[i];
        }
        return new WakeVerifier(model, candidate, cut, mean, scale, wf, (float) w[d]);
    }

    /** Largest eigenvalue of the class-weighted second moment of the standardised features (plus the bias). */
    private static double topEigenvalue(float[][] z, double[] cw, int d) {
        double[] v = new double[d + 1];
        java.util.Arrays.fill(v, 1 / Math.sqrt(d + 1));
        double lambda = 1;
        for (int it = 0; it < 30; it++) {
            double[] u = new double[d + 1];
            for (int k = 0; k < z.length; k++) {
                double a = v[d];
                for (int i = 0; i < d; i++) {
                    a += v[i] * z[k][i];
                }
                a *= cw[k];
                for (int i = 0; i < d; i++) {
                    u[i] += a * z[k][i];
                }
                u[d] += a;
            }
            double norm = 0;
            for (double x : u) {
                norm += x * x;
            }
            lambda = Math.sqrt(norm);
            for (int i = 0; i <= d; i++) {
                v[i] = u[i] / lambda;
            }
        }
        return lambda;
    }
}
