package dev.attend.encoders.vision;

import dev.attend.event.FaceEvent;
import dev.attend.event.FaceEvent.Face;
import java.util.ArrayList;
import java.util.List;

/** Turns the tracker's faces into a {@code face} event, rounded as docs/events.md says. */
final class FaceEvents {

    private FaceEvents() {
    }

    static FaceEvent of(double t, long frame, int width, int height, List<TrackedFace> tracked) {
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
