package dev.attend.encoders.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.attend.media.VideoFrame;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MouthMotionTest {

    private static VideoFrame noise(long seed, int offset) {
        Random r = new Random(seed);
        byte[] rgb = new byte[64 * 48 * 3];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) Math.min(255, 20 + r.nextInt(200) + offset);
        }
        return new VideoFrame(0, 0, 64, 48, rgb, 0);
    }

    private final MouthRegion region = new MouthRegion(8, 8, 32, 16);

    @Test
    void unchangedMouthHasNoMotion() {
        float[] a = MouthMotion.patch(noise(1, 0), region);
        float[] b = MouthMotion.patch(noise(1, 0), region);
        assertThat(a).hasSize(MouthMotion.GRID_WIDTH * MouthMotion.GRID_HEIGHT);
        assertThat(MouthMotion.energy(a, b)).isEqualTo(0f);
        assertThat(MouthMotion.energy(null, b)).isEqualTo(0f);
    }

    @Test
    void brightnessChangeAloneIsNotMotion() {
        float[] a = MouthMotion.patch(noise(1, 0), region);
        float[] b = MouthMotion.patch(noise(1, 30), region);
        assertThat(MouthMotion.energy(a, b)).isCloseTo(0f, within(1e-6f));
    }

    @Test
    void unrelatedContentScoresAboutOne() {
        float[] a = MouthMotion.patch(noise(1, 0), region);
        float[] b = MouthMotion.patch(noise(2, 0), region);
        // 32×16 pixels onto 16×8 cells: 2×2 averages of independent noise are still independent
        assertThat(MouthMotion.energy(a, b)).isBetween(0.6f, 1.4f);
        float[] neg = a.clone();
        for (int i = 0; i < neg.length; i++) {
            neg[i] = -neg[i];
        }
        assertThat(MouthMotion.energy(a, neg)).isCloseTo(2f, within(0.01f)); // the bound
    }

    @Test
    void regionFollowsTheMouthKeypointAndEyeDistance() {
        float[] k = new float[12];
        k[0] = 100; // right eye
        k[1] = 100;
        k[2] = 150; // left eye, 50 px away
        k[3] = 100;
        k[6] = 125; // mouth
        k[7] = 160;
        MouthRegion m = MouthRegion.of(new FaceDetection(0.9f, 80, 60, 90, 120, k), 640, 480);
        assertThat(m.x()).isEqualTo(125 - 30f);
        assertThat(m.y()).isEqualTo(160 - 20f);
        assertThat(m.width()).isEqualTo(60f);
        assertThat(m.height()).isEqualTo(40f);
        MouthRegion clipped = MouthRegion.of(new FaceDetection(0.9f, 80, 60, 90, 120, k), 140, 170);
        assertThat(clipped.width()).isEqualTo(140 - 95f);
        assertThat(clipped.height()).isEqualTo(170 - 140f);
    }
}
