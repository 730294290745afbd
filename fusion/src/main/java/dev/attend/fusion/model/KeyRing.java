package dev.attend.fusion.model;

/**
 * The keys and values of a layer's last {@code capacity} tokens, oldest first, in preallocated rows: appending past
 * capacity overwrites the oldest (the 4-s window slides) and nothing is allocated per step.
 */
final class KeyRing {

    private final float[][] keys;
    private final float[][] values;
    private int start;
    private int size;

    KeyRing(int capacity, int dModel) {
        keys = new float[capacity][dModel];
        values = new float[capacity][dModel];
    }

    void append(float[] k, float[] v) {
        int slot = (start + size) % keys.length;
        if (size == keys.length) {
            start = (start + 1) % keys.length;
        } else {
            size++;
        }
        System.arraycopy(k, 0, keys[slot], 0, k.length);
        System.arraycopy(v, 0, values[slot], 0, v.length);
    }

    int size() {
        return size;
    }

    /** The i-th oldest key. */
    float[] key(int i) {
        return keys[(start + i) % keys.length];
    }

    float[] value(int i) {
        return values[(start + i) % keys.length];
    }

    void clear() {
        start = 0;
        size = 0;
    }
}
