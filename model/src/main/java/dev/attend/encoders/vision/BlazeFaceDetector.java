package dev.attend.encoders.vision;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import dev.attend.media.VideoFrame;
import dev.attend.models.BundledModel;
import dev.attend.onnx.OnnxModel;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * BlazeFace front (128×128) through DJL's ONNX Runtime engine: letterbox → inference → decode → weighted NMS →
 * frame pixels. Owns its model and its one predictor, so one detector serves one thread (a stage); close it once.
 * The steps are public so the benchmark can time them apart.
 */
public final class BlazeFaceDetector implements AutoCloseable {

    public static final int INPUT_SIZE = 128;
    /** MediaPipe's usual threshold; separates the test photos (astronaut 0.92, cat 0.48, coffee 0.35). */
    public static final float DEFAULT_THRESHOLD = 0.75f;
    public static final float NMS_IOU = 0.3f;

    /** The two raw outputs, both grids concatenated in anchor order (16×16×2 first, then 8×8×6). */
    public record RawOutput(float[] logits, float[] boxes) {
    }

    /** A letterboxed input and the transform that made it. */
    public record Prepared(Letterbox letterbox, float[] input) {
    }

    private final OnnxModel<float[], RawOutput> model;
    private final BlazeFaceDecoder decoder;
    private final WeightedNms nms = new WeightedNms(NMS_IOU);
    private Letterbox letterbox;
    private float[] inputBuffer;

    private BlazeFaceDetector(OnnxModel<float[], RawOutput> model, float threshold) {
        this.model = model;
        this.decoder = new BlazeFaceDecoder(SsdAnchors.generate(SsdAnchors.Options.blazeFaceFront()),
                BlazeFaceDecoder.Options.blazeFaceFront(threshold));
    }

    /** Loads the bundled model (SHA-256 verified) with the default threshold. */
    public static BlazeFaceDetector load() throws IOException {
        return load(VisionModels.BLAZEFACE_FRONT, DEFAULT_THRESHOLD);
    }

    /** Loads {@code bundled} after verifying its SHA-256; {@link dev.attend.models.ModelIntegrityException} if not. */
    public static BlazeFaceDetector load(BundledModel bundled, float threshold) throws IOException {
        Path file = bundled.materialize();
        // one thread per session: the stage thread is the unit of parallelism, alongside the audio stages
        OnnxModel<float[], RawOutput> m = OnnxModel.load(file, float[].class, RawOutput.class, new RawTranslator(), 1,
                "face model " + bundled.fileName());
        try {
            return new BlazeFaceDetector(m, threshold);
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    /** Letterboxed input scaled to [-1, 1] (the range BlazeFace was trained on). */
    public Prepared preprocess(VideoFrame frame) {
        if (letterbox == null || !letterbox.fits(frame.width(), frame.height())) {
            letterbox = new Letterbox(frame.width(), frame.height(), INPUT_SIZE);
        }
        inputBuffer = letterbox.apply(frame.rgb(), -1f, 1f, inputBuffer);
        return new Prepared(letterbox, inputBuffer);
    }

    public RawOutput infer(float[] input) throws TranslateException {
        return model.predict(input);
    }

    /** Decoded, suppressed, in frame pixels, best first. */
    public List<FaceDetection> decode(RawOutput raw, Letterbox lb) {
        List<FaceDetection> kept = nms.apply(decoder.decode(raw.logits(), raw.boxes()));
        List<FaceDetection> out = new ArrayList<>(kept.size());
        for (FaceDetection d : kept) {
            out.add(d.toFrame(lb));
        }
        return out;
    }

    /** All faces above the threshold in {@code frame}, in frame pixels, best first. */
    public List<FaceDetection> detect(VideoFrame frame) throws TranslateException {
        Prepared p = preprocess(frame);
        return decode(infer(p.input()), p.letterbox());
    }

    /** The highest score of any anchor (no threshold): for diagnostics and the score table in the docs. */
    public static float bestScore(RawOutput raw) {
        float best = Float.NEGATIVE_INFINITY;
        for (float l : raw.logits()) {
            best = Math.max(best, l);
        }
        return BlazeFaceDecoder.score(best, 100f);
    }

    @Override
    public void close() {
        model.close();
    }

    /**
     * Raw tensors in and out: NHWC floats to {@code input:0}; the outputs are told apart by shape
     * ([1,N,1] scores, [1,N,16] boxes) and concatenated larger grid first, which is the anchor order.
     */
    private static final class RawTranslator implements NoBatchifyTranslator<float[], RawOutput> {

        @Override
        public NDList processInput(TranslatorContext ctx, float[] input) {
            NDArray a = ctx.getNDManager().create(FloatBuffer.wrap(input),
                    new Shape(1, INPUT_SIZE, INPUT_SIZE, 3));
            return new NDList(a);
        }

        @Override
        public RawOutput processOutput(TranslatorContext ctx, NDList list) {
            List<NDArray> scores = new ArrayList<>();
            List<NDArray> boxes = new ArrayList<>();
            for (NDArray a : list) {
                Shape s = a.getShape();
                if (s.dimension() != 3) {
                    throw new IllegalStateException("unexpected BlazeFace output shape " + s);
                }
                (s.get(2) == 1 ? scores : boxes).add(a);
            }
            Comparator<NDArray> bigFirst = Comparator.comparingLong((NDArray a) -> a.getShape().get(1)).reversed();
            scores.sort(bigFirst);
            boxes.sort(bigFirst);
            return new RawOutput(concat(scores), concat(boxes));
        }

        private static float[] concat(List<NDArray> arrays) {
            int n = 0;
            List<float[]> parts = new ArrayList<>();
            for (NDArray a : arrays) {
                float[] f = a.toFloatArray();
                parts.add(f);
                n += f.length;
            }
            float[] out = new float[n];
            int o = 0;
            for (float[] f : parts) {
                System.arraycopy(f, 0, out, o, f.length);
                o += f.length;
            }
            return out;
        }
    }
}
