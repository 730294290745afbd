package dev.attend.encoders.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LetterboxTest {

    @Test
    void landscapeFramePadsTopAndBottom() {
        Letterbox lb = new Letterbox(640, 480, 128);
        assertThat(lb.scale()).isEqualTo(0.2);
        assertThat(lb.padX()).isEqualTo(0.0);
        assertThat(lb.padY()).isEqualTo(16.0); // 480·0.2 = 96 rows of picture, 32 rows of padding split evenly
        assertThat(lb.toModelX(0)).isEqualTo(0.0);
        assertThat(lb.toModelY(0)).isEqualTo(16.0);
        assertThat(lb.toModelX(640)).isEqualTo(128.0);
        assertThat(lb.toModelY(480)).isEqualTo(112.0);
    }

    @Test
    void portraitFramePadsLeftAndRight() {
        Letterbox lb = new Letterbox(300, 600, 128);
        assertThat(lb.scale()).isCloseTo(128.0 / 600, within(1e-12));
        assertThat(lb.padX()).isCloseTo(32.0, within(1e-9));
        assertThat(lb.padY()).isEqualTo(0.0);
    }

    @Test
    void frameToModelAndBackIsTheIdentity() {
        Letterbox lb = new Letterbox(1280, 720, 128);
        for (double x : new double[] {0, 1, 333.3, 640, 1279.5}) {
            assertThat(lb.toFrameX(lb.toModelX(x))).isCloseTo(x, within(1e-9));
        }
        for (double y : new double[] {0, 2.5, 360, 719}) {
            assertThat(lb.toFrameY(lb.toModelY(y))).isCloseTo(y, within(1e-9));
        }
    }

    @Test
    void uniformFrameFillsThePictureAndPadsWithBlack() {
        int w = 64;
        int h = 32;
        byte[] rgb = new byte[w * h * 3];
        for (int i = 0; i < rgb.length; i += 3) {
            rgb[i] = (byte) 255;
            rgb[i + 1] = (byte) 0;
            rgb[i + 2] = (byte) 51;
        }
        Letterbox lb = new Letterbox(w, h, 128); // scale 2: 128×64 picture, rows 32..95
        float[] out = lb.apply(rgb, -1f, 1f, null);
        assertThat(out).hasSize(128 * 128 * 3);
        float[] row0 = pixel(out, 5, 0);
        float[] inside = pixel(out, 70, 40);
        float[] lastPad = pixel(out, 127, 127);
        assertThat(row0).containsExactly(-1f, -1f, -1f);
        assertThat(lastPad).containsExactly(-1f, -1f, -1f);
        assertThat(inside[0]).isCloseTo(1f, within(1e-5f));
        assertThat(inside[1]).isCloseTo(-1f, within(1e-5f));
        assertThat(inside[2]).isCloseTo(-0.6f, within(1e-5f));
        assertThat(pixel(out, 0, 31)).containsExactly(-1f, -1f, -1f);
        assertThat(pixel(out, 0, 32)[0]).isCloseTo(1f, within(1e-5f));
        assertThat(pixel(out, 0, 95)[0]).isCloseTo(1f, within(1e-5f));
        assertThat(pixel(out, 0, 96)).containsExactly(-1f, -1f, -1f);
    }

    @Test
    void shrinkingAveragesNeighbours() {
        // 256×2 frame, columns alternate black and white: shrunk by 2 every output pixel is mid grey
        int w = 256;
        int h = 2;
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x += 2) {
                int i = (y * w + x) * 3;
                rgb[i] = rgb[i + 1] = rgb[i + 2] = (byte) 255;
            }
        }
        Letterbox lb = new Letterbox(w, h, 128);
        float[] out = lb.apply(rgb, 0f, 1f, null);
        int row = (int) lb.padY(); // picture is one row high
        for (int x = 1; x < 127; x++) {
            assertThat(pixel(out, x, row)[0]).isCloseTo(0.5f, within(0.01f));
        }
    }

    @Test
    void detectionsMapFromModelSpaceToFramePixels() {
        Letterbox lb = new Letterbox(640, 480, 128); // scale 0.2, 16 rows of padding on top
        float[] k = new float[12];
        k[6] = 0.5f; // mouth at the input's centre
        k[7] = 0.5f;
        FaceDetection model = new FaceDetection(0.9f, 0.25f, 0.125f, 0.5f, 0.25f, k);
        FaceDetection f = model.toFrame(lb);
        assertThat(f.xMin()).isCloseTo(160f, within(1e-3f)); // 0.25·128 = 32 model px → 32 / 0.2
        assertThat(f.yMin()).isCloseTo(0f, within(1e-3f)); // 0.125·128 = 16 = the padding
        assertThat(f.width()).isCloseTo(320f, within(1e-3f));
        assertThat(f.height()).isCloseTo(160f, within(1e-3f));
        assertThat(f.keypointX(FaceDetection.MOUTH)).isCloseTo(320f, within(1e-3f));
        assertThat(f.keypointY(FaceDetection.MOUTH)).isCloseTo(240f, within(1e-3f));
        assertThat(f.score()).isEqualTo(0.9f);
    }

    private static float[] pixel(float[] nhwc, int x, int y) {
        int i = (y * 128 + x) * 3;
        return new float[] {nhwc[i], nhwc[i + 1], nhwc[i + 2]};
    }
}
