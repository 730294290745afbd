package dev.attend.encoders.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class WeightedNmsTest {

    private static FaceDetection box(float score, float x, float y, float size) {
        float[] k = new float[12];
        for (int i = 0; i < 6; i++) {
            k[2 * i] = x + size / 2;
            k[2 * i + 1] = y + size / 2;
        }
        return new FaceDetection(score, x, y, size, size, k);
    }

    @Test
    void mergesDuplicatesIntoTheScoreWeightedMean() {
        FaceDetection a = box(0.9f, 10, 10, 100); // best
        FaceDetection b = box(0.6f, 20, 10, 100); // IoU 90/110 = 0.82 with a
        FaceDetection far = box(0.8f, 300, 300, 50);
        List<FaceDetection> out = new WeightedNms(0.3f).apply(List.of(b, far, a));
        assertThat(out).hasSize(2);
        FaceDetection merged = out.get(0);
        assertThat(merged.score()).isEqualTo(0.9f);
        assertThat(merged.xMin()).isCloseTo((0.9f * 10 + 0.6f * 20) / 1.5f, within(1e-4f));
        assertThat(merged.yMin()).isCloseTo(10f, within(1e-4f));
        assertThat(merged.width()).isCloseTo(100f, within(1e-4f));
        assertThat(merged.keypointX(0)).isCloseTo((0.9f * 60 + 0.6f * 70) / 1.5f, within(1e-4f));
        assertThat(out.get(1)).isSameAs(far);
    }

    @Test
    void keepsSlightlyOverlappingFacesApart() {
        FaceDetection a = box(0.9f, 0, 0, 100);
        FaceDetection b = box(0.85f, 70, 0, 100); // IoU 30/170 = 0.18 < 0.3
        assertThat(new WeightedNms(0.3f).apply(List.of(a, b))).containsExactly(a, b);
    }
}
