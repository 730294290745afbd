package dev.attend.fusion.model;

/**
 * The {@link WordHead} one audio token at a time, in plain Java. The head's first layer is linear in its context, so
 * each arriving token's contributions to its 2c+1 neighbours' hidden units are computed once (c = {@link
 * WordHead#CONTEXT}); a token's posteriors are final when the c tokens after it have arrived (240 ms later) and
 * until then are recomputed each step with the missing future as 0 — exactly what the network's forward does at
 * the end of a window. Keeps the log-posteriors of the last {@code window} tokens for the masked max and mean the
 * intent head reads. Not thread-safe.
 */
final class WordStream {

    private static final int C = WordHead.CONTEXT;
    private static final int SPAN = 2 * C + 1;

    private final float[] mean;
    private final float[] scale;
    private final float[] heardMean;
    private final float[] heardScale;
    private final RowMath.Dense hidden;
    private final RowMath.Dense out;
    private final int window;
    private final float floor;
    private final int classes;
    private final int units;
    /** Per recent token (ring of SPAN): its contribution to token j − o's hidden units, for o = −c…c. */
    private final float[][][] parts;
    /** Per window token (ring): log-posteriors, scaled as the head's pooling reads them. */
    private final float[][] posteriors;
    private long steps;

    WordStream(WordHead head, int window) {
        this.mean = head.meanValues();
        this.scale = head.scaleValues();
        this.heardMean = head.heardMeanValues();
        this.heardScale = head.heardScaleValues();
        this.hidden = RowMath.Dense.of(head.hiddenLinear());
        this.out = RowMath.Dense.of(head.outLinear());
        this.window = window;
        this.floor = head.floor();
        this.classes = out.out();
        this.units = hidden.out();
        this.parts = new float[SPAN][SPAN][units];
        this.posteriors = new float[window][classes];
    }

    /** Adds the newest audio token; returns the window's masked max and mean of the log-posteriors (2K). */
    float[] step(float[] audio) {
        int d = mean.length;
        float[] x = new float[d];
        for (int i = 0; i < d; i++) {
            x[i] = (audio[i] - mean[i]) * scale[i];
        }
        long j = steps++;
        float[][] mine = parts[(int) (j % SPAN)];
        int in = hidden.in();
        float[] w = hidden.w();
        for (int o = -C; o <= C; o++) { // column block o + c of the first layer reads token k + o; here k = j − o
            float[] p = mine[o + C];
            int col = (o + C) * d;
            for (int u = 0; u < units; u++) {
                double s = 0;
                int row = u * in + col;
                for (int i = 0; i < d; i++) {
                    s += w[row + i] * x[i];
                }
                p[u] = (float) s;
            }
        }
        for (long k = Math.max(0, j - C); k <= j; k++) {
            posteriors[(int) (k % window)] = posterior(k, j);
        }
        return pooled(Math.min(steps, window));
    }

    /** Token k's log-posteriors from the tokens up to j (later ones count as 0). */
    private float[] posterior(long k, long j) {
        float[] h = hidden.b().clone();
        for (int o = -C; o <= C; o++) {
            long src = k + o;
            if (src < 0 || src > j) {
                continue;
            }
            float[] p = parts[(int) (src % SPAN)][o + C];
            for (int u = 0; u < units; u++) {
                h[u] += p[u];
            }
        }
        RowMath.relu(h);
        float[] z = RowMath.softmax(out.apply(h));
        float norm = (float) (-1 / Math.log(floor));
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) Math.log(z[i] + floor) * norm;
        }
        return z;
    }

    private float[] pooled(long n) {
        float[] r = new float[2 * classes];
        java.util.Arrays.fill(r, 0, classes, Float.NEGATIVE_INFINITY);
        for (int t = 0; t < n; t++) {
            float[] p = posteriors[t];
            for (int i = 0; i < classes; i++) {
                r[i] = Math.max(r[i], p[i]);
                r[classes + i] += p[i] / n;
            }
        }
        for (int i = 0; i < r.length; i++) {
            r[i] = (r[i] - heardMean[i]) * heardScale[i];
        }
        return r;
    }
}
