package dev.attend.vision;

import dev.attend.event.AttendEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code face}: one per processed video frame (the list may be empty). Box, keypoints and mouth are in pixels of
 * the frame ({@code [x, y, w, h]}, keypoints {@code [[x, y], …6]} in {@link FaceDetection}'s order), rounded to
 * 0.1 px.
 */
public record FaceEvent(double t, long frame, int width, int height, List<Face> faces) implements AttendEvent {

    public FaceEvent {
        faces = List.copyOf(faces);
    }

    @Override
    public String type() {
        return "face";
    }

    /** One tracked face. */
    public record Face(int track, double score, double[] box, double[][] keypoints, double[] mouth,
                       double mouthMotion) {
    }

    public static FaceEvent of(double t, long frame, int width, int height, List<TrackedFace> tracked) {
        List<Face> faces = new ArrayList<>(tracked.size());
        for (TrackedFace tf : tracked) {
            FaceDetection f = tf.face();
            double[][] k = new double[FaceDetection.KEYPOINTS][];
            for (int i = 0; i < k.length; i++) {
                k[i] = new double[] {px(f.keypointX(i)), px(f.keypointY(i))};
            }
            MouthRegion m = tf.mouth();
            faces.add(new Face(tf.track(), round(f.score(), 1e4),
                    new double[] {px(f.xMin()), px(f.yMin()), px(f.width()), px(f.height())}, k,
                    new double[] {px(m.x()), px(m.y()), px(m.width()), px(m.height())},
                    round(tf.mouthMotion(), 1e4)));
        }
        return new FaceEvent(round(t, 1e6), frame, width, height, faces);
    }

    private static double px(float v) {
        return round(v, 10);
    }

    private static double round(double v, double k) {
        return Math.round(v * k) / k;
    }
}
