package dev.attend.encoders.vision;

/**
 * Fits a frame into a square model input keeping its aspect ratio: scale by {@code min(size/w, size/h)}, centre,
 * pad the rest. Remembers the transform so detections in model space map back to frame pixels, and resamples
 * with a separable triangle filter widened to the scale factor (antialiased when shrinking, bilinear when
 * growing). Precomputed for one frame size; reuse it while the size stays the same. Not thread-safe (it keeps its
 * scratch buffer): one per detector.
 */
public final class Letterbox {

    private final int srcWidth;
    private final int srcHeight;
    private final int size;
    private final double scale;
    private final double padX;
    private final double padY;
    private final Taps xTaps;
    private final Taps yTaps;
    private float[] rows;

    public Letterbox(int srcWidth, int srcHeight, int size) {
        if (srcWidth <= 0 || srcHeight <= 0 || size <= 0) {
            throw new IllegalArgumentException("sizes must be positive: " + srcWidth + "x" + srcHeight + " -> " + size);
        }
        this.srcWidth = srcWidth;
        this.srcHeight = srcHeight;
        this.size = size;
        this.scale = Math.min((double) size / srcWidth, (double) size / srcHeight);
        this.padX = (size - srcWidth * scale) / 2;
        this.padY = (size - srcHeight * scale) / 2;
        this.xTaps = new Taps(size, srcWidth, scale, padX);
        this.yTaps = new Taps(size, srcHeight, scale, padY);
    }

    public int srcWidth() {
        return srcWidth;
    }

    public int srcHeight() {
        return srcHeight;
    }

    public int size() {
        return size;
    }

    /** Model pixels per frame pixel. */
    public double scale() {
        return scale;
    }

    public double padX() {
        return padX;
    }

    public double padY() {
        return padY;
    }

    public boolean fits(int width, int height) {
        return width == srcWidth && height == srcHeight;
    }

    public double toModelX(double frameX) {
        return frameX * scale + padX;
    }

    public double toModelY(double frameY) {
        return frameY * scale + padY;
    }

    public double toFrameX(double modelX) {
        return (modelX - padX) / scale;
    }

    public double toFrameY(double modelY) {
        return (modelY - padY) / scale;
    }

    /**
     * Writes the letterboxed frame as NHWC floats in [lo, hi] ({@code size*size*3} values); padding gets
     * {@code lo} (black).
     *
     * @param rgb packed 8-bit RGB of a {@code srcWidth × srcHeight} frame
     */
    public float[] apply(byte[] rgb, float lo, float hi, float[] out) {
        if (rgb.length != srcWidth * srcHeight * 3) {
            throw new IllegalArgumentException("rgb has " + rgb.length + " bytes, expected "
                    + srcWidth * srcHeight * 3 + " for " + srcWidth + "x" + srcHeight);
        }
        if (out == null || out.length != size * size * 3) {
            out = new float[size * size * 3];
        }
        java.util.Arrays.fill(out, lo);
        // horizontal pass: every source row to the output width (only output columns inside the picture)
        if (rows == null) {
            rows = new float[srcHeight * size * 3];
        }
        for (int y = 0; y < srcHeight; y++) {
            int rowBase = y * srcWidth * 3;
            for (int ox = xTaps.first; ox < xTaps.end; ox++) {
                float r = 0;
                float g = 0;
                float b = 0;
                int start = xTaps.start[ox];
                float[] w = xTaps.weights[ox];
                for (int k = 0; k < w.length; k++) {
                    int i = rowBase + (start + k) * 3;
                    r += w[k] * (rgb[i] & 0xff);
                    g += w[k] * (rgb[i + 1] & 0xff);
                    b += w[k] * (rgb[i + 2] & 0xff);
                }
                int o = (y * size + ox) * 3;
                rows[o] = r;
                rows[o + 1] = g;
                rows[o + 2] = b;
            }
        }
        float k255 = (hi - lo) / 255f;
        for (int oy = yTaps.first; oy < yTaps.end; oy++) {
            int start = yTaps.start[oy];
            float[] w = yTaps.weights[oy];
            for (int ox = xTaps.first; ox < xTaps.end; ox++) {
                float r = 0;
                float g = 0;
                float b = 0;
                for (int k = 0; k < w.length; k++) {
                    int i = ((start + k) * size + ox) * 3;
                    r += w[k] * rows[i];
                    g += w[k] * rows[i + 1];
                    b += w[k] * rows[i + 2];
                }
                int o = (oy * size + ox) * 3;
                out[o] = lo + r * k255;
                out[o + 1] = lo + g * k255;
                out[o + 2] = lo + b * k255;
            }
        }
        return out;
    }

    /** Per output pixel along one axis: the first source index and the normalized filter weights. */
    private static final class Taps {
        final int first;
        final int end;
        final int[] start;
        final float[][] weights;

        Taps(int outSize, int srcSize, double scale, double pad) {
            start = new int[outSize];
            weights = new float[outSize][];
            double support = Math.max(1.0, 1.0 / scale);
            int lo = outSize;
            int hi = 0;
            for (int o = 0; o < outSize; o++) {
                double centre = (o + 0.5 - pad) / scale; // in source pixels, edges at integers
                if (centre < 0 || centre >= srcSize) {
                    weights[o] = new float[0];
                    continue;
                }
                lo = Math.min(lo, o);
                hi = Math.max(hi, o + 1);
                double c = centre - 0.5; // source pixel centres at integers
                int s0 = (int) Math.floor(c - support) + 1;
                int s1 = (int) Math.ceil(c + support) - 1;
                s0 = Math.max(0, s0);
                s1 = Math.min(srcSize - 1, s1);
                if (s1 < s0) {
                    s0 = s1 = (int) Math.min(srcSize - 1, Math.max(0, Math.round(c)));
                }
                float[] w = new float[s1 - s0 + 1];
                double sum = 0;
                for (int s = s0; s <= s1; s++) {
                    double v = Math.max(0, 1 - Math.abs(s - c) / support);
                    w[s - s0] = (float) v;
                    sum += v;
                }
                if (sum <= 0) {
                    java.util.Arrays.fill(w, 1f / w.length);
                } else {
                    for (int k = 0; k < w.length; k++) {
                        w[k] /= (float) sum;
                    }
                }
                start[o] = s0;
                weights[o] = w;
            }
            first = lo;
            end = Math.max(lo, hi);
        }
    }
}
