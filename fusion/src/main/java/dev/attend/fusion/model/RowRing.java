package dev.attend.fusion.model;

/** The last {@code capacity} output rows of a stream (what the heads pool), preallocated, oldest first. */
final class RowRing {

    private final float[][] rows;
    private int start;
    private int size;

    RowRing(int capacity, int dModel) {
        rows = new float[capacity][dModel];
    }

    void append(float[] row) {
        int slot = (start + size) % rows.length;
        if (size == rows.length) {
            start = (start + 1) % rows.length;
        } else {
            size++;
        }
        System.arraycopy(row, 0, rows[slot], 0, row.length);
    }

    int size() {
        return size;
    }

    float[] row(int i) {
        return rows[(start + i) % rows.length];
    }

    /** Mean of the rows (zeros when empty). */
    float[] mean() {
        int d = rows[0].length;
        double[] s = new double[d];
        for (int i = 0; i < size; i++) {
            float[] r = row(i);
            for (int j = 0; j < d; j++) {
                s[j] += r[j];
            }
        }
        float[] m = new float[d];
        for (int j = 0; j < d; j++) {
            m[j] = size == 0 ? 0f : (float) (s[j] / size);
        }
        return m;
    }

    /** {@link AttentionPool}'s pooling: softmax over rows of row·q/√D, then the weighted sum. */
    float[] attentionPool(float[] query) {
        int d = query.length;
        float[] scores = new float[size];
        double scale = 1 / Math.sqrt(d);
        for (int i = 0; i < size; i++) {
            float[] r = row(i);
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += r[j] * query[j];
            }
            scores[i] = (float) (s * scale);
        }
        float[] w = RowMath.softmax(scores);
        double[] acc = new double[d];
        for (int i = 0; i < size; i++) {
            float[] r = row(i);
            for (int j = 0; j < d; j++) {
                acc[j] += w[i] * r[j];
            }
        }
        float[] out = new float[d];
        for (int j = 0; j < d; j++) {
            out[j] = (float) acc[j];
        }
        return out;
    }
}
