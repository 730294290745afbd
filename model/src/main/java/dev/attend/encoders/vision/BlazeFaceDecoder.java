package dev.attend.encoders.vision;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns BlazeFace's raw outputs into detections, with the options MediaPipe's tensors-to-detections calculator
 * uses for the front model: per anchor 16 values (box centre x, y, width, height, then six keypoints x, y), all
 * offsets in model pixels (scale 128) relative to the anchor centre; logits clipped to ±100 then a sigmoid;
 * anchors below the score threshold are dropped. Coordinates come out normalized to the model input (0..1).
 */
public final class BlazeFaceDecoder {

    public static final int VALUES_PER_ANCHOR = 16;
    private static final int KEYPOINT_OFFSET = 4;

    /** @param scale x/y/w/h scale of the raw offsets (the input size, 128); @param clip logit clipping threshold */
    public record Options(float scale, float clip, float minScore) {
        public static Options blazeFaceFront(float minScore) {
            return new Options(128f, 100f, minScore);
        }
    }

    private final List<SsdAnchors.Anchor> anchors;
    private final Options options;

    public BlazeFaceDecoder(List<SsdAnchors.Anchor> anchors, Options options) {
        this.anchors = List.copyOf(anchors);
        this.options = options;
    }

    public int anchorCount() {
        return anchors.size();
    }

    /** Sigmoid of a logit clipped to ±clip, so extreme logits can neither overflow nor saturate to NaN. */
    public static float score(float logit, float clip) {
        float x = Math.max(-clip, Math.min(clip, logit));
        return (float) (1.0 / (1.0 + Math.exp(-x)));
    }

    /**
     * @param logits one per anchor
     * @param raw    {@link #VALUES_PER_ANCHOR} per anchor
     */
    public List<FaceDetection> decode(float[] logits, float[] raw) {
        int n = anchors.size();
        if (logits.length != n || raw.length != n * VALUES_PER_ANCHOR) {
            throw new IllegalArgumentException("expected " + n + " scores and " + n * VALUES_PER_ANCHOR
                    + " box values, got " + logits.length + " and " + raw.length);
        }
        float s = options.scale();
        List<FaceDetection> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float score = score(logits[i], options.clip());
            if (score < options.minScore()) {
                continue;
            }
            SsdAnchors.Anchor a = anchors.get(i);
            int b = i * VALUES_PER_ANCHOR;
            float cx = raw[b] / s * a.width() + a.xCenter();
            float cy = raw[b + 1] / s * a.height() + a.yCenter();
            float w = raw[b + 2] / s * a.width();
            float h = raw[b + 3] / s * a.height();
            float[] k = new float[FaceDetection.KEYPOINTS * 2];
            for (int j = 0; j < FaceDetection.KEYPOINTS; j++) {
                int o = b + KEYPOINT_OFFSET + 2 * j;
                k[2 * j] = raw[o] / s * a.width() + a.xCenter();
                k[2 * j + 1] = raw[o + 1] / s * a.height() + a.yCenter();
            }
            out.add(new FaceDetection(score, cx - w / 2, cy - h / 2, w, h, k));
        }
        return out;
    }
}
