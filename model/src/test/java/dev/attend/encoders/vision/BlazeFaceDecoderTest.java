package dev.attend.encoders.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlazeFaceDecoderTest {

    private final List<SsdAnchors.Anchor> anchors = SsdAnchors.generate(SsdAnchors.Options.blazeFaceFront());
    private final BlazeFaceDecoder decoder = new BlazeFaceDecoder(anchors, BlazeFaceDecoder.Options.blazeFaceFront(0.75f));

    @Test
    void decodesOffsetsInModelPixelsAroundTheAnchor() {
        float[] logits = new float[896];
        Arrays.fill(logits, -10f);
        float[] raw = new float[896 * 16];
        int i = 600; // in the 8×8 grid: cell (88/6 = 14 → row 1, col 6)
        logits[i] = 3f;
        int b = i * 16;
        raw[b] = 6.4f; // +0.05 of the input
        raw[b + 1] = -12.8f; // −0.1
        raw[b + 2] = 32f; // width 0.25
        raw[b + 3] = 64f; // height 0.5
        raw[b + 4 + 2 * 3] = 1.28f; // mouth keypoint x +0.01
        raw[b + 4 + 2 * 3 + 1] = 25.6f; // mouth keypoint y +0.2
        List<FaceDetection> d = decoder.decode(logits, raw);
        assertThat(d).hasSize(1);
        FaceDetection f = d.get(0);
        SsdAnchors.Anchor a = anchors.get(i);
        assertThat(a.xCenter()).isEqualTo(6.5f / 8);
        assertThat(a.yCenter()).isEqualTo(1.5f / 8);
        assertThat(f.score()).isCloseTo((float) (1 / (1 + Math.exp(-3))), within(1e-6f));
        assertThat(f.centerX()).isCloseTo(a.xCenter() + 0.05f, within(1e-6f));
        assertThat(f.centerY()).isCloseTo(a.yCenter() - 0.1f, within(1e-6f));
        assertThat(f.width()).isCloseTo(0.25f, within(1e-6f));
        assertThat(f.height()).isCloseTo(0.5f, within(1e-6f));
        assertThat(f.keypointX(FaceDetection.MOUTH)).isCloseTo(a.xCenter() + 0.01f, within(1e-6f));
        assertThat(f.keypointY(FaceDetection.MOUTH)).isCloseTo(a.yCenter() + 0.2f, within(1e-6f));
        assertThat(f.keypointX(FaceDetection.NOSE)).isEqualTo(a.xCenter());
    }

    @Test
    void scoresAreClippedSigmoids() {
        assertThat(BlazeFaceDecoder.score(0f, 100f)).isEqualTo(0.5f);
        assertThat(BlazeFaceDecoder.score(1e6f, 100f)).isEqualTo(BlazeFaceDecoder.score(100f, 100f));
        float low = BlazeFaceDecoder.score(-1e6f, 100f);
        assertThat(low).isEqualTo(BlazeFaceDecoder.score(-100f, 100f)).isNotNaN().isGreaterThanOrEqualTo(0f);
        assertThat(BlazeFaceDecoder.score(Float.NaN, 100f)).isNaN(); // NaN stays visible, never a fake face
    }

    @Test
    void belowThresholdIsDropped() {
        float[] logits = new float[896];
        Arrays.fill(logits, 1.0f); // sigmoid 0.73 < 0.75
        assertThat(decoder.decode(logits, new float[896 * 16])).isEmpty();
    }
}
