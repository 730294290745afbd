package dev.attend.media;

import java.util.Objects;

/**
 * One video frame as packed 8-bit RGB, row-major, {@code width * height * 3} bytes, no padding.
 */
public record VideoFrame(long seq, double t, int width, int height, byte[] rgb, long enteredNanos) implements MediaItem {

    public VideoFrame {
        Objects.requireNonNull(rgb, "rgb");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size must be positive: " + width + "x" + height);
        }
        if (rgb.length != width * height * 3) {
            throw new IllegalArgumentException(
                    "rgb has " + rgb.length + " bytes, expected " + (width * height * 3) + " for " + width + "x" + height);
        }
    }

    /** Red, green, blue of pixel (x, y) as ints 0–255. */
    public int[] pixel(int x, int y) {
        int i = (y * width + x) * 3;
        return new int[] {rgb[i] & 0xff, rgb[i + 1] & 0xff, rgb[i + 2] & 0xff};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VideoFrame f && f.seq == seq && f.t == t && java.util.Arrays.equals(f.rgb, rgb);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(seq) * 31 + Double.hashCode(t);
    }

    @Override
    public String toString() {
        return "VideoFrame[seq=" + seq + ", t=" + t + ", " + width + "x" + height + "]";
    }
}
