package dev.attend.encoders.vision;

import dev.attend.media.VideoFrame;

/**
 * Mouth motion from two consecutive looks at the same track's mouth region. Each look is resampled to a fixed
 * {@link #GRID_WIDTH}×{@link #GRID_HEIGHT} grey grid (area averages, so the face's size does not matter) and its
 * mean removed (so does global brightness); the motion is the temporal difference energy normalized by the two
 * patches' energies: {@code Σ(a−b)² / (Σa² + Σb² + ε)}. 0 for an unchanged mouth, about 1 for unrelated patches,
 * at most 2 — comparable between faces, cameras and lighting.
 */
public final class MouthMotion {

    public static final int GRID_WIDTH = 16;
    public static final int GRID_HEIGHT = 8;
    /** Keeps flat patches (a lens cap, a blank wall) from turning sensor noise into motion: about 1/255 per cell. */
    private static final double EPSILON = GRID_WIDTH * GRID_HEIGHT * 2 * Math.pow(1.0 / 255, 2);

    private MouthMotion() {
    }

    /** Zero-mean grey grid (row-major, {@code GRID_WIDTH * GRID_HEIGHT}) of {@code region} in {@code frame}. */
    public static float[] patch(VideoFrame frame, MouthRegion region) {
        float[] out = new float[GRID_WIDTH * GRID_HEIGHT];
        if (region.isEmpty()) {
            return out;
        }
        byte[] rgb = frame.rgb();
        int fw = frame.width();
        double cw = region.width() / GRID_WIDTH;
        double ch = region.height() / GRID_HEIGHT;
        double sum = 0;
        for (int gy = 0; gy < GRID_HEIGHT; gy++) {
            int y0 = (int) Math.floor(region.y() + gy * ch);
            int y1 = Math.max(y0 + 1, (int) Math.ceil(region.y() + (gy + 1) * ch));
            y1 = Math.min(y1, frame.height());
            for (int gx = 0; gx < GRID_WIDTH; gx++) {
                int x0 = (int) Math.floor(region.x() + gx * cw);
                int x1 = Math.max(x0 + 1, (int) Math.ceil(region.x() + (gx + 1) * cw));
                x1 = Math.min(x1, fw);
                double acc = 0;
                int n = 0;
                for (int y = y0; y < y1; y++) {
                    for (int x = x0; x < x1; x++) {
                        int i = (y * fw + x) * 3;
                        acc += 0.299 * (rgb[i] & 0xff) + 0.587 * (rgb[i + 1] & 0xff) + 0.114 * (rgb[i + 2] & 0xff);
                        n++;
                    }
                }
                float v = n == 0 ? 0f : (float) (acc / n / 255.0);
                out[gy * GRID_WIDTH + gx] = v;
                sum += v;
            }
        }
        float mean = (float) (sum / out.length);
        for (int i = 0; i < out.length; i++) {
            out[i] -= mean;
        }
        return out;
    }

    /** Normalized difference energy of two patches from {@link #patch}; 0 when {@code previous} is null. */
    public static float energy(float[] previous, float[] current) {
        if (previous == null) {
            return 0f;
        }
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < current.length; i++) {
            double d = current[i] - previous[i];
            diff += d * d;
            norm += current[i] * current[i] + previous[i] * previous[i];
        }
        return (float) (diff / (norm + EPSILON));
    }
}
