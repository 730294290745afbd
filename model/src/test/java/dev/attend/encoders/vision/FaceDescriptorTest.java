package dev.attend.encoders.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FaceDescriptorTest {

    /** An upright frontal face: eyes 50 px apart at y 100, nose 25 px below their midpoint, mouth 50 px below. */
    private static final float[] UPRIGHT = {100, 100, 150, 100, 125, 125, 125, 150, 80, 110, 170, 110};

    private static float[] rotated(float[] k, double angle, float cx, float cy) {
        float[] r = new float[k.length];
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        for (int i = 0; i < k.length; i += 2) {
            double x = k[i] - cx;
            double y = k[i + 1] - cy;
            r[i] = (float) (cx + c * x - s * y);
            r[i + 1] = (float) (cy + s * x + c * y);
        }
        return r;
    }

    @Test
    void keypointGeometryIsInEyeDistanceUnits() {
        float[] d = FaceDescriptor.of(new FaceDetection(0.9f, 70, 60, 110, 110, UPRIGHT), 0.25f, 640, 480);
        assertThat(d).hasSize(FaceDescriptor.SIZE);
        assertThat(d[0]).isCloseTo(0f, within(1e-6f)); // nose on the centre line
        assertThat(d[1]).isCloseTo(0.5f, within(1e-6f)); // half an eye distance below the eyes
        assertThat(d[2]).isCloseTo(0f, within(1e-6f));
        assertThat(d[3]).isCloseTo(1f, within(1e-6f)); // mouth one eye distance below
        assertThat(d[4]).isCloseTo(-0.9f, within(1e-6f)); // right ear, viewer's left
        assertThat(d[6]).isCloseTo(0.9f, within(1e-6f));
        assertThat(d[8]).isCloseTo(0f, within(1e-6f)); // no roll
        assertThat(d[9]).isCloseTo(1f, within(1e-6f));
        assertThat(d[10]).isCloseTo(110f / 640, within(1e-6f));
        assertThat(d[11]).isCloseTo(125f / 640, within(1e-6f));
        assertThat(d[12]).isCloseTo(115f / 480, within(1e-6f));
        assertThat(d[13]).isEqualTo(0.9f);
        assertThat(d[14]).isEqualTo(0.25f);
        assertThat(d[15]).isCloseTo(0f, within(1e-6f)); // symmetric ears: facing the camera
    }

    @Test
    void rollIsSeparatedFromPose() {
        float[] up = FaceDescriptor.of(new FaceDetection(0.9f, 70, 60, 110, 110, UPRIGHT), 0f, 640, 480);
        float[] tilted = FaceDescriptor.of(
                new FaceDetection(0.9f, 70, 60, 110, 110, rotated(UPRIGHT, Math.toRadians(30), 125, 125)), 0f, 640, 480);
        for (int i = 0; i < 8; i++) {
            assertThat(tilted[i]).as("pose[%d]", i).isCloseTo(up[i], within(1e-4f));
        }
        assertThat(tilted[8]).isCloseTo(0.5f, within(1e-5f)); // sin 30°
        assertThat(tilted[9]).isCloseTo((float) Math.cos(Math.toRadians(30)), within(1e-5f));
    }

    @Test
    void turnedHeadShowsInTheYawProxy() {
        float[] k = UPRIGHT.clone();
        k[8] = 110; // right ear closer to the nose: the head turned towards the viewer's left
        float[] d = FaceDescriptor.of(new FaceDetection(0.9f, 70, 60, 110, 110, k), 0f, 640, 480);
        assertThat(d[15]).isLessThan(-0.2f);
    }
}
