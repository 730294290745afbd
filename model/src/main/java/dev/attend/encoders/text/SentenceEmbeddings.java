package dev.attend.encoders.text;

/** Sentence vectors from token vectors: attention-mask weighted mean, then L2 normalization (sentence-transformers). */
public final class SentenceEmbeddings {

    private SentenceEmbeddings() {
    }

    /** Mean of the token vectors whose mask is 1, scaled to unit length. */
    public static float[] meanPooledNormalized(float[][] tokenVectors, long[] mask) {
        int dim = tokenVectors[0].length;
        double[] sum = new double[dim];
        long count = 0;
        for (int i = 0; i < tokenVectors.length; i++) {
            if (mask[i] == 0) {
                continue;
            }
            count++;
            for (int d = 0; d < dim; d++) {
                sum[d] += tokenVectors[i][d];
            }
        }
        double norm = 0;
        for (int d = 0; d < dim; d++) {
            sum[d] /= Math.max(count, 1);
            norm += sum[d] * sum[d];
        }
        norm = Math.max(Math.sqrt(norm), 1e-12);
        float[] out = new float[dim];
        for (int d = 0; d < dim; d++) {
            out[d] = (float) (sum[d] / norm);
        }
        return out;
    }
}
