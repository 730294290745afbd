package dev.attend.speaker;

import java.util.List;

/** Arithmetic on speaker vectors (x-vectors): length normalisation, cosine, mean. */
public final class SpeakerVectors {

    private SpeakerVectors() {
    }

    /** Cosine similarity in [-1, 1]; 0 when either vector is all zeros (the one cosine of the project). */
    public static double cosine(float[] a, float[] b) {
        return dev.attend.encoders.text.TextSimilarity.cosine(a, b);
    }

    /** A copy scaled to unit length (all zeros stays all zeros). */
    public static float[] normalized(float[] v) {
        double n = 0;
        for (float x : v) {
            n += (double) x * x;
        }
        float[] out = new float[v.length];
        if (n == 0) {
            return out;
        }
        double s = 1 / Math.sqrt(n);
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] * s);
        }
        return out;
    }

    /** Mean of the unit-length versions of the vectors, itself scaled to unit length. */
    public static float[] meanDirection(List<float[]> vectors) {
        if (vectors.isEmpty()) {
            throw new IllegalArgumentException("no vectors to average");
        }
        float[] sum = new float[vectors.get(0).length];
        for (float[] v : vectors) {
            float[] u = normalized(v);
            if (u.length != sum.length) {
                throw new IllegalArgumentException("speaker vectors differ in length");
            }
            for (int i = 0; i < u.length; i++) {
                sum[i] += u[i];
            }
        }
        return normalized(sum);
    }
}
