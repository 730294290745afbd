package dev.attend.encoders.vision;

import java.util.ArrayList;
import java.util.List;

/**
 * SSD anchor generation as MediaPipe's SSD anchors calculator defines it: per feature-map layer a linearly
 * interpolated scale, consecutive layers with the same stride merged into one grid, each aspect ratio plus one
 * interpolated-scale anchor per layer, anchors ordered by row, column, then anchor within the cell. For BlazeFace
 * front this gives 16×16×2 + 8×8×6 = 896 anchors in the model's output order.
 */
public final class SsdAnchors {

    /** Anchor centre and size, normalized to the model input (0..1). */
    public record Anchor(float xCenter, float yCenter, float width, float height) {
    }

    /** The generator's options (names after MediaPipe's). */
    public record Options(int inputWidth, int inputHeight, double minScale, double maxScale, double anchorOffsetX,
                          double anchorOffsetY, int[] strides, double[] aspectRatios,
                          double interpolatedScaleAspectRatio, boolean fixedAnchorSize) {

        /** MediaPipe's options for the front (short-range) 128×128 face detector. */
        public static Options blazeFaceFront() {
            return new Options(128, 128, 0.1484375, 0.75, 0.5, 0.5, new int[] {8, 16, 16, 16}, new double[] {1.0},
                    1.0, true);
        }
    }

    private SsdAnchors() {
    }

    public static List<Anchor> generate(Options o) {
        int layers = o.strides().length;
        List<Anchor> anchors = new ArrayList<>();
        int layer = 0;
        while (layer < layers) {
            List<Double> ratios = new ArrayList<>();
            List<Double> scales = new ArrayList<>();
            int last = layer;
            while (last < layers && o.strides()[last] == o.strides()[layer]) {
                double scale = scale(o, last, layers);
                for (double r : o.aspectRatios()) {
                    ratios.add(r);
                    scales.add(scale);
                }
                if (o.interpolatedScaleAspectRatio() > 0) {
                    double next = last == layers - 1 ? 1.0 : scale(o, last + 1, layers);
                    scales.add(Math.sqrt(scale * next));
                    ratios.add(o.interpolatedScaleAspectRatio());
                }
                last++;
            }
            int stride = o.strides()[layer];
            int rows = (int) Math.ceil((double) o.inputHeight() / stride);
            int cols = (int) Math.ceil((double) o.inputWidth() / stride);
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < cols; x++) {
                    for (int a = 0; a < scales.size(); a++) {
                        float cx = (float) ((x + o.anchorOffsetX()) / cols);
                        float cy = (float) ((y + o.anchorOffsetY()) / rows);
                        float w;
                        float h;
                        if (o.fixedAnchorSize()) {
                            w = 1f;
                            h = 1f;
                        } else {
                            double sq = Math.sqrt(ratios.get(a));
                            w = (float) (scales.get(a) * sq);
                            h = (float) (scales.get(a) / sq);
                        }
                        anchors.add(new Anchor(cx, cy, w, h));
                    }
                }
            }
            layer = last;
        }
        return List.copyOf(anchors);
    }

    private static double scale(Options o, int layer, int layers) {
        if (layers == 1) {
            return (o.minScale() + o.maxScale()) / 2;
        }
        return o.minScale() + (o.maxScale() - o.minScale()) * layer / (layers - 1.0);
    }
}
