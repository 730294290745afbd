package dev.attend.ui.lab;

import java.util.List;

/**
 * The first two principal components of a few hundred vectors, by power iteration on the centred data's covariance
 * with deflation: exact enough for a 2-D picture, a few dozen lines, no matrix library for one plot. The sign of
 * each component is fixed (largest |loading| positive) so the picture does not flip as utterances arrive.
 */
public final class Pca {

    private static final int ITERATIONS = 200;

    private Pca() {
    }

    /** Each vector's coordinates on the first two components; all 0 for fewer than two vectors. */
    public static double[][] project2(List<float[]> vectors) {
        int n = vectors.size();
        double[][] out = new double[n][2];
        if (n < 2) {
            return out;
        }
        int d = vectors.get(0).length;
        double[][] x = new double[n][d];
        double[] mean = new double[d];
        for (float[] v : vectors) {
            for (int j = 0; j < d; j++) {
                mean[j] += v[j] / (double) n;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = vectors.get(i)[j] - mean[j];
            }
        }
        double[][] cov = new double[d][d];
        for (double[] row : x) {
            for (int a = 0; a < d; a++) {
                for (int b = a; b < d; b++) {
                    cov[a][b] += row[a] * row[b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < a; b++) {
                cov[a][b] = cov[b][a];
            }
        }
        double[] c1 = topEigenvector(cov);
        double l1 = rayleigh(cov, c1);
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                cov[a][b] -= l1 * c1[a] * c1[b];
            }
        }
        double[] c2 = topEigenvector(cov);
        for (int i = 0; i < n; i++) {
            out[i][0] = dot(x[i], c1);
            out[i][1] = dot(x[i], c2);
        }
        return out;
    }

    private static double[] topEigenvector(double[][] m) {
        int d = m.length;
        double[] v = new double[d];
        for (int j = 0; j < d; j++) {
            v[j] = 1.0 / Math.sqrt(d) * (1 + 0.01 * j); // deterministic start, not orthogonal to any axis
        }
        for (int it = 0; it < ITERATIONS; it++) {
            double[] w = new double[d];
            for (int a = 0; a < d; a++) {
                w[a] = dot(m[a], v);
            }
            double norm = Math.sqrt(dot(w, w));
            if (norm < 1e-12) {
                return new double[d];
            }
            for (int a = 0; a < d; a++) {
                w[a] /= norm;
            }
            v = w;
        }
        int big = 0;
        for (int j = 1; j < d; j++) {
            if (Math.abs(v[j]) > Math.abs(v[big])) {
                big = j;
            }
        }
        if (v[big] < 0) {
            for (int j = 0; j < d; j++) {
                v[j] = -v[j];
            }
        }
        return v;
    }

    private static double rayleigh(double[][] m, double[] v) {
        double s = 0;
        for (int a = 0; a < m.length; a++) {
            s += v[a] * dot(m[a], v);
        }
        return s;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
