package dev.attend.encoders.vision;

/**
 * One detected face: score, axis-aligned box and the six BlazeFace keypoints, in one coordinate space (normalized
 * model space from the decoder, frame pixels after {@link #toFrame}). Keypoint order: {@link #RIGHT_EYE} (the
 * subject's right eye, on the viewer's left), {@link #LEFT_EYE}, {@link #NOSE}, {@link #MOUTH},
 * {@link #RIGHT_EAR}, {@link #LEFT_EAR}.
 *
 * @param keypoints x0, y0, x1, y1, … (12 values)
 */
public record FaceDetection(float score, float xMin, float yMin, float width, float height, float[] keypoints) {

    public static final int RIGHT_EYE = 0;
    public static final int LEFT_EYE = 1;
    public static final int NOSE = 2;
    public static final int MOUTH = 3;
    public static final int RIGHT_EAR = 4;
    public static final int LEFT_EAR = 5;
    public static final int KEYPOINTS = 6;

    public FaceDetection {
        if (keypoints.length != KEYPOINTS * 2) {
            throw new IllegalArgumentException("expected 12 keypoint values, got " + keypoints.length);
        }
    }

    public float xMax() {
        return xMin + width;
    }

    public float yMax() {
        return yMin + height;
    }

    public float centerX() {
        return xMin + width / 2;
    }

    public float centerY() {
        return yMin + height / 2;
    }

    public float keypointX(int i) {
        return keypoints[2 * i];
    }

    public float keypointY(int i) {
        return keypoints[2 * i + 1];
    }

    /** Distance between the eyes, the face's natural length unit. */
    public float eyeDistance() {
        return (float) Math.hypot(keypointX(LEFT_EYE) - keypointX(RIGHT_EYE), keypointY(LEFT_EYE) - keypointY(RIGHT_EYE));
    }

    /** Intersection over union of the boxes (0 when either is empty). */
    public float iou(FaceDetection o) {
        float ix = Math.min(xMax(), o.xMax()) - Math.max(xMin, o.xMin);
        float iy = Math.min(yMax(), o.yMax()) - Math.max(yMin, o.yMin);
        if (ix <= 0 || iy <= 0) {
            return 0;
        }
        float inter = ix * iy;
        float union = width * height + o.width * o.height - inter;
        return union <= 0 ? 0 : inter / union;
    }

    /** From normalized model space (0..1 of the letterboxed input) to frame pixels. */
    public FaceDetection toFrame(Letterbox lb) {
        double s = lb.size();
        float x0 = (float) lb.toFrameX(xMin * s);
        float y0 = (float) lb.toFrameY(yMin * s);
        float x1 = (float) lb.toFrameX(xMax() * s);
        float y1 = (float) lb.toFrameY(yMax() * s);
        float[] k = new float[keypoints.length];
        for (int i = 0; i < KEYPOINTS; i++) {
            k[2 * i] = (float) lb.toFrameX(keypoints[2 * i] * s);
            k[2 * i + 1] = (float) lb.toFrameY(keypoints[2 * i + 1] * s);
        }
        return new FaceDetection(score, x0, y0, x1 - x0, y1 - y0, k);
    }
}
