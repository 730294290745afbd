package dev.attend.fusion.model;

import java.util.Map;
import java.util.Set;

/**
 * One {@link TransformerLayer} for one query row at a time in plain Java (weights copied from the trained layer):
 * the same post-LN attention + FFN with relative time, over keys and values the caller caches ({@link KeyRing}).
 * Equal to the layer's libtorch forward to float rounding; used by the streaming step only.
 */
final class RowLayer {

    private final RowMath.Dense wq;
    private final RowMath.Dense wk;
    private final RowMath.Dense wv;
    private final RowMath.Dense wo;
    private final RowMath.Norm ln1;
    private final RowMath.Norm ln2;
    private final RowMath.Dense ffn1;
    private final RowMath.Dense ffn2;
    private final float[] slopes;
    private final int heads;
    private final int dk;
    private final float scale;

    RowLayer(TransformerLayer layer) {
        MultiHeadAttention a = layer.attention();
        var p = a.projections();
        wq = RowMath.Dense.of(p[0]);
        wk = RowMath.Dense.of(p[1]);
        wv = RowMath.Dense.of(p[2]);
        wo = RowMath.Dense.of(p[3]);
        var n = layer.norms();
        ln1 = RowMath.Norm.of(n[0]);
        ln2 = RowMath.Norm.of(n[1]);
        var f = layer.ffnLinears();
        ffn1 = RowMath.Dense.of(f[0]);
        ffn2 = RowMath.Dense.of(f[1]);
        heads = a.heads();
        dk = wq.out() / heads;
        float[] s = a.slopeValues();
        if (s == null) {
            throw new IllegalArgumentException("the plain-Java step needs a relative-time layer");
        }
        slopes = s;
        scale = (float) (1.0 / Math.sqrt(dk));
    }

    /** Appends the key and value of key/value row {@code x} to {@code ring}. */
    void cache(float[] x, KeyRing ring) {
        ring.append(wk.apply(x), wv.apply(x));
    }

    /**
     * Query row {@code x} over every key in {@code ring}; key j is {@code seconds[secOffset + j]} seconds away.
     * When {@code weights} is not null, head h's weights and pre-softmax scores go to
     * {@code [(h·rows + row)·n + j]} (n = ring size): the layout of a (H, rows, n) map.
     */
    float[] query(float[] x, KeyRing ring, float[] seconds, int secOffset, float[] weights, float[] scores,
                  int row, int rows) {
        int n = ring.size();
        float[] q = wq.apply(x);
        float[] ctx = new float[wq.out()];
        float[] s = new float[n];
        for (int h = 0; h < heads; h++) {
            int off = h * dk;
            for (int j = 0; j < n; j++) {
                float[] k = ring.key(j);
                double dot = 0;
                for (int i = 0; i < dk; i++) {
                    dot += q[off + i] * k[off + i];
                }
                s[j] = (float) dot * scale - seconds[secOffset + j] * slopes[h];
            }
            float[] w = RowMath.softmax(s);
            for (int j = 0; j < n; j++) {
                float[] v = ring.value(j);
                float wj = w[j];
                for (int i = 0; i < dk; i++) {
                    ctx[off + i] += wj * v[off + i];
                }
            }
            if (weights != null) {
                int base = (h * rows + row) * n;
                System.arraycopy(w, 0, weights, base, n);
                System.arraycopy(s, 0, scores, base, n);
            }
        }
        float[] y = ln1.apply(RowMath.add(x, wo.apply(ctx)));
        float[] f = ffn1.apply(y);
        RowMath.gelu(f);
        return ln2.apply(RowMath.add(y, ffn2.apply(f)));
    }

    /**
     * {@link #query} for a single row over every key in {@code ring}, whose keys are the newest of the step's
     * {@code seconds} row (one entry per key of the window, oldest first); the map goes to {@code att} if watched.
     */
    float[] step(float[] x, KeyRing ring, float[] seconds, String name, Set<String> watched,
                 Map<String, FusionStream.Map2> att) {
        int n = ring.size();
        if (!watched.contains(name)) {
            return query(x, ring, seconds, seconds.length - n, null, null, 0, 1);
        }
        float[] w = new float[heads * n];
        float[] s = new float[heads * n];
        float[] y = query(x, ring, seconds, seconds.length - n, w, s, 0, 1);
        att.put(name, new FusionStream.Map2(heads, 1, n, w, s));
        return y;
    }

    int heads() {
        return heads;
    }
}
