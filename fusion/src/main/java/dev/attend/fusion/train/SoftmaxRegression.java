package dev.attend.fusion.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Multinomial logistic regression with L2 on the weights, fitted full-batch to convergence: minimises the mean
 * cross-entropy + λ/2 · ‖W‖² by Adam with a cosine-decayed step, from zero weights. No autograd (the gradient is
 * written out), so Java-number operands are safe here; deterministic for a fixed libtorch thread count.
 */
public final class SoftmaxRegression {

    /** Full-batch iterations; the loss is convex and the features standardized, so this reaches the optimum closely. */
    public static final int ITERATIONS = 1500;
    static final float LEARNING_RATE = 0.05f;

    /** Fitted weights (F × C row-major: feature f, class c at f·C + c) and biases (C). */
    public record Fit(int features, int classes, float[] weight, float[] bias) {

        /** Most likely class of each row of {@code x} (N × F). */
        public int[] predict(float[] x) {
            int n = x.length / features;
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < classes; c++) {
                    double z = bias[c];
                    for (int f = 0; f < features; f++) {
                        z += x[i * features + f] * weight[f * classes + c];
                    }
                    if (z > best) {
                        best = z;
                        out[i] = c;
                    }
                }
            }
            return out;
        }
    }

    private SoftmaxRegression() {
    }

    /** Fits rows {@code x} (N × F) with labels in [0, classes) at L2 strength {@code lambda}. */
    public static Fit fit(NDManager parent, float[] x, int[] labels, int classes, float lambda) {
        int n = labels.length;
        if (n == 0 || x.length % n != 0) {
            throw new IllegalArgumentException("need N × F features for " + n + " labels, got " + x.length);
        }
        int f = x.length / n;
        try (NDManager m = parent.newSubManager()) {
            NDArray xs = m.create(x, new Shape(n, f));
            NDArray xt = xs.transpose();
            float[] onehot = new float[n * classes];
            for (int i = 0; i < n; i++) {
                onehot[i * classes + labels[i]] = 1f;
            }
            NDArray y = m.create(onehot, new Shape(n, classes));
            NDArray w = m.zeros(new Shape(f, classes));
            NDArray b = m.zeros(new Shape(classes));
            NDArray[] mom = {m.zeros(w.getShape()), m.zeros(b.getShape())};
            NDArray[] sq = {m.zeros(w.getShape()), m.zeros(b.getShape())};
            for (int it = 1; it <= ITERATIONS; it++) {
                try (NDManager s = m.newSubManager()) {
                    // a result lands on its receiver's manager: with the operands on s the iteration's intermediates
                    // go with it, instead of piling up on m (≈ 0.6 MB an iteration on 3216 rows: +0.8 GB a fit)
                    s.tempAttachAll(xs, xt, y, w, b, mom[0], mom[1], sq[0], sq[1]);
                    NDArray g = xs.matMul(w).add(b).softmax(1).sub(y).div(n);
                    NDArray[] grads = {xt.matMul(g).add(w.mul(lambda)), g.sum(new int[] {0})};
                    NDArray[] params = {w, b};
                    float lr = (float) (LEARNING_RATE * 0.5 * (1 + Math.cos(Math.PI * (it - 1) / ITERATIONS)));
                    for (int k = 0; k < 2; k++) {
                        NDArray nm = mom[k].mul(0.9f).add(grads[k].mul(0.1f));
                        NDArray nq = sq[k].mul(0.999f).add(grads[k].square().mul(0.001f));
                        NDArray step = nm.div(1 - Math.pow(0.9, it)).div(nq.div(1 - Math.pow(0.999, it)).sqrt().add(1e-8f))
                                .mul(lr);
                        NDArray np = params[k].sub(step);
                        nm.attach(m);
                        nq.attach(m);
                        np.attach(m);
                        mom[k].close();
                        sq[k].close();
                        params[k].close();
                        mom[k] = nm;
                        sq[k] = nq;
                        params[k] = np;
                    }
                    w = params[0];
                    b = params[1];
                }
            }
            return new Fit(f, classes, w.toFloatArray(), b.toFloatArray());
        }
    }
}
