package dev.attend.encoders.vision;

/**
 * The mouth's box from BlazeFace keypoints: centred on the mouth keypoint, sized by the eye distance (the face's
 * scale that stays put when the mouth opens), clipped to the frame. 1.2 eye distances wide covers the lips' corners;
 * 0.8 high leaves room for an open jaw.
 */
public record MouthRegion(float x, float y, float width, float height) {

    public static final float WIDTH_PER_EYE_DISTANCE = 1.2f;
    public static final float HEIGHT_PER_EYE_DISTANCE = 0.8f;

    /** The region of {@code face} (frame pixels) inside a {@code frameWidth × frameHeight} frame; may be empty. */
    public static MouthRegion of(FaceDetection face, int frameWidth, int frameHeight) {
        float d = face.eyeDistance();
        float cx = face.keypointX(FaceDetection.MOUTH);
        float cy = face.keypointY(FaceDetection.MOUTH);
        float w = WIDTH_PER_EYE_DISTANCE * d;
        float h = HEIGHT_PER_EYE_DISTANCE * d;
        float x0 = clamp(cx - w / 2, frameWidth);
        float y0 = clamp(cy - h / 2, frameHeight);
        float x1 = clamp(cx + w / 2, frameWidth);
        float y1 = clamp(cy + h / 2, frameHeight);
        return new MouthRegion(x0, y0, x1 - x0, y1 - y0);
    }

    public boolean isEmpty() {
        return width < 1 || height < 1;
    }

    private static float clamp(float v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
