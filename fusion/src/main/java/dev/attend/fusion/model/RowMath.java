package dev.attend.fusion.model;

import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;

/**
 * Plain-Java kernels for one token row at a time (the streaming step): at d_model 64 a step is ~0.5 M multiply-adds,
 * which Java does in well under a millisecond, while the same step as ~250 libtorch calls cost 6–10 ms of per-call
 * overhead. Weights are copied once from the trained blocks; the results match libtorch to float rounding.
 */
final class RowMath {

    /** DJL's LayerNorm default (the model's layers use the builder's defaults). */
    static final float LN_EPSILON = 1e-5f;

    private RowMath() {
    }

    /** A dense layer {@code y = W x + b}, W row-major (out × in) as DJL stores it. */
    record Dense(float[] w, float[] b, int in, int out) {

        static Dense of(Linear l) {
            float[] w = l.getParameters().get("weight").getArray().toFloatArray();
            float[] b = l.getParameters().get("bias").getArray().toFloatArray();
            return new Dense(w, b, w.length / b.length, b.length);
        }

        float[] apply(float[] x) {
            float[] y = new float[out];
            for (int o = 0; o < out; o++) {
                double s = b[o];
                int row = o * in;
                for (int i = 0; i < in; i++) {
                    s += w[row + i] * x[i];
                }
                y[o] = (float) s;
            }
            return y;
        }
    }

    /** Layer normalisation over the features with learned scale and shift. */
    record Norm(float[] gamma, float[] beta) {

        static Norm of(LayerNorm n) {
            return new Norm(n.getParameters().get("gamma").getArray().toFloatArray(),
                    n.getParameters().get("beta").getArray().toFloatArray());
        }

        float[] apply(float[] x) {
            double mean = 0;
            for (float v : x) {
                mean += v;
            }
            mean /= x.length;
            double var = 0;
            for (float v : x) {
                var += (v - mean) * (v - mean);
            }
            var /= x.length; // biased, as torch's layer_norm
            double inv = 1 / Math.sqrt(var + LN_EPSILON);
            float[] y = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = (float) ((x[i] - mean) * inv * gamma[i] + beta[i]);
            }
            return y;
        }
    }

    static float[] add(float[] a, float[] b) {
        float[] y = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            y[i] = a[i] + b[i];
        }
        return y;
    }

    static float[] concat(float[] a, float[] b) {
        float[] y = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, y, a.length, b.length);
        return y;
    }

    static void relu(float[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.max(0f, x[i]);
        }
    }

    /** Exact (erf) GELU, as torch's default: 0.5·x·(1 + erf(x/√2)). */
    static void gelu(float[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.5 * x[i] * (1 + erf(x[i] / Math.sqrt(2))));
        }
    }

    /**
     * erf to about 1e-9: the series for small |x|, else the continued fraction of erfc (Numerical Recipes'
     * Chebyshev fit, fractional error below 1.2e-7, is not enough for equality with libtorch to 1e-5 after
     * several layers, so both branches are computed to convergence).
     */
    static double erf(double x) {
        double a = Math.abs(x);
        double r;
        if (a < 2.5) {
            // Maclaurin series: erf(x) = 2/√π Σ (−1)^n x^(2n+1) / (n! (2n+1))
            double term = a;
            double sum = a;
            double x2 = a * a;
            for (int n = 1; n < 60; n++) {
                term *= -x2 / n;
                double add = term / (2 * n + 1);
                sum += add;
                if (Math.abs(add) < 1e-17 * Math.abs(sum)) {
                    break;
                }
            }
            r = 2 / Math.sqrt(Math.PI) * sum;
        } else if (a < 6) {
            // Lentz's continued fraction for erfc(x) = exp(−x²)/√π · 1/(x + 1/2/(x + 1/(x + 3/2/(x + …))))
            double f = a;
            double c = a;
            double d = 0;
            for (int n = 1; n < 200; n++) {
                double an = n / 2.0;
                d = a + an * d;
                d = d == 0 ? 1e-300 : 1 / d;
                c = a + an / c;
                c = c == 0 ? 1e-300 : c;
                double delta = c * d;
                f *= delta;
                if (Math.abs(delta - 1) < 1e-15) {
                    break;
                }
            }
            r = 1 - Math.exp(-a * a) / Math.sqrt(Math.PI) / f;
        } else {
            r = 1;
        }
        return x < 0 ? -r : r;
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static float[] softmax(float[] x) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : x) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] e = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            e[i] = Math.exp(x[i] - max);
            sum += e[i];
        }
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) (e[i] / sum);
        }
        return y;
    }
}
