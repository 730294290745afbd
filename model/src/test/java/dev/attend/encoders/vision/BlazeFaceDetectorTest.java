package dev.attend.encoders.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attend.media.VideoFrame;
import dev.attend.models.BundledModel;
import dev.attend.models.ModelIntegrityException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BlazeFaceDetectorTest {

    private static BlazeFaceDetector detector;

    @BeforeAll
    static void load() throws Exception {
        detector = BlazeFaceDetector.load();
    }

    @AfterAll
    static void close() {
        if (detector != null) {
            detector.close();
        }
    }

    @Test
    void astronautHasOneFaceOnHerFace() throws Exception {
        VideoFrame f = TestImages.frame("astronaut.png");
        BlazeFaceDetector.Prepared p = detector.preprocess(f);
        BlazeFaceDetector.RawOutput raw = detector.infer(p.input());
        assertThat(raw.logits()).hasSize(896);
        assertThat(raw.boxes()).hasSize(896 * 16);
        assertThat(BlazeFaceDetector.bestScore(raw)).isBetween(0.90f, 0.94f); // 0.921 measured in MODELS.md
        List<FaceDetection> faces = detector.decode(raw, p.letterbox());
        assertThat(faces).hasSize(1);
        FaceDetection face = faces.get(0);
        // her face in the 512×512 photo: forehead to chin about y 80–180, cheek to cheek about x 180–265
        assertThat(face.xMin()).isBetween(150f, 200f);
        assertThat(face.xMax()).isBetween(245f, 300f);
        assertThat(face.yMin()).isBetween(55f, 110f);
        assertThat(face.yMax()).isBetween(150f, 215f);
        float mouthY = face.keypointY(FaceDetection.MOUTH);
        assertThat(face.keypointY(FaceDetection.RIGHT_EYE)).isLessThan(mouthY - 20);
        assertThat(face.keypointY(FaceDetection.LEFT_EYE)).isLessThan(mouthY - 20);
        assertThat(face.keypointY(FaceDetection.NOSE)).isBetween(face.keypointY(FaceDetection.RIGHT_EYE), mouthY);
        // the subject's right eye is on the viewer's left
        assertThat(face.keypointX(FaceDetection.RIGHT_EYE)).isLessThan(face.keypointX(FaceDetection.LEFT_EYE));
        assertThat(face.keypointX(FaceDetection.MOUTH)).isBetween(face.keypointX(FaceDetection.RIGHT_EYE),
                face.keypointX(FaceDetection.LEFT_EYE));
        assertThat(mouthY).isBetween(130f, 165f);
    }

    @Test
    void catAndCoffeeHaveNoFace() throws Exception {
        for (String name : List.of("chelsea.png", "coffee.png")) {
            VideoFrame f = TestImages.frame(name);
            BlazeFaceDetector.Prepared p = detector.preprocess(f);
            BlazeFaceDetector.RawOutput raw = detector.infer(p.input());
            assertThat(BlazeFaceDetector.bestScore(raw)).as(name).isBetween(0.2f, 0.6f); // 0.477 and 0.350 measured
            assertThat(detector.decode(raw, p.letterbox())).as(name).isEmpty();
        }
    }

    @Test
    void sameFrameTwiceGivesTheSameAnswer() throws Exception {
        VideoFrame f = TestImages.frame("astronaut.png");
        FaceDetection a = detector.detect(f).get(0);
        FaceDetection b = detector.detect(f).get(0);
        assertThat(b.keypoints()).containsExactly(a.keypoints());
        assertThat(b.xMin()).isEqualTo(a.xMin());
    }

    @Test
    void damagedModelFailsNamingTheFile() {
        BundledModel wrong = new BundledModel(VisionModels.BLAZEFACE_FRONT.resource(), "0".repeat(64));
        assertThatThrownBy(() -> BlazeFaceDetector.load(wrong, 0.75f))
                .isInstanceOf(ModelIntegrityException.class)
                .hasMessageContaining("face_detection_front_128x128_barracuda.onnx")
                .hasMessageContaining("SHA-256")
                .hasMessageContaining(VisionModels.BLAZEFACE_FRONT.sha256());
    }

    @Test
    void missingModelFailsNamingTheFile() {
        BundledModel missing = new BundledModel("/dev/attend/resources/models/no_such_face_model.onnx", "0".repeat(64));
        assertThatThrownBy(() -> BlazeFaceDetector.load(missing, 0.75f))
                .isInstanceOf(ModelIntegrityException.class)
                .hasMessageContaining("no_such_face_model.onnx");
    }
}
