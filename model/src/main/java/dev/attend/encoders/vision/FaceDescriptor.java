package dev.attend.encoders.vision;

/**
 * A compact per-face vector for the fusion transformer ({@link #SIZE} floats): where the face is, how big, how it
 * is turned, and whether its mouth moves. Keypoint geometry is expressed in the face's own frame (origin between
 * the eyes, x along the eye line, unit = eye distance), so it describes the pose, not the position.
 *
 * <pre>
 *  0–1  nose  (x, y) in the face frame        8  sin(roll)    9  cos(roll)
 *  2–3  mouth (x, y)                         10  box width / frame width
 *  4–5  right ear (x, y)                      11–12  box centre / frame size (0..1)
 *  6–7  left ear (x, y)                      13  detection score
 *                                             14  mouth motion
 *                                             15  yaw proxy: (|nose−right ear| − |nose−left ear|) / sum
 * </pre>
 */
public final class FaceDescriptor {

    public static final int SIZE = 16;

    private FaceDescriptor() {
    }

    public static float[] of(FaceDetection f, float mouthMotion, int frameWidth, int frameHeight) {
        float[] v = new float[SIZE];
        float ex = (f.keypointX(FaceDetection.RIGHT_EYE) + f.keypointX(FaceDetection.LEFT_EYE)) / 2;
        float ey = (f.keypointY(FaceDetection.RIGHT_EYE) + f.keypointY(FaceDetection.LEFT_EYE)) / 2;
        float dx = f.keypointX(FaceDetection.LEFT_EYE) - f.keypointX(FaceDetection.RIGHT_EYE);
        float dy = f.keypointY(FaceDetection.LEFT_EYE) - f.keypointY(FaceDetection.RIGHT_EYE);
        float d = (float) Math.hypot(dx, dy);
        float cos = d > 0 ? dx / d : 1f;
        float sin = d > 0 ? dy / d : 0f;
        float unit = d > 0 ? d : 1f;
        int[] points = {FaceDetection.NOSE, FaceDetection.MOUTH, FaceDetection.RIGHT_EAR, FaceDetection.LEFT_EAR};
        for (int j = 0; j < points.length; j++) {
            float px = f.keypointX(points[j]) - ex;
            float py = f.keypointY(points[j]) - ey;
            v[2 * j] = (cos * px + sin * py) / unit; // rotate by -roll
            v[2 * j + 1] = (-sin * px + cos * py) / unit;
        }
        v[8] = sin;
        v[9] = cos;
        v[10] = f.width() / frameWidth;
        v[11] = f.centerX() / frameWidth;
        v[12] = f.centerY() / frameHeight;
        v[13] = f.score();
        v[14] = mouthMotion;
        double toRight = dist(f, FaceDetection.NOSE, FaceDetection.RIGHT_EAR);
        double toLeft = dist(f, FaceDetection.NOSE, FaceDetection.LEFT_EAR);
        v[15] = toRight + toLeft > 0 ? (float) ((toRight - toLeft) / (toRight + toLeft)) : 0f;
        return v;
    }

    private static double dist(FaceDetection f, int a, int b) {
        return Math.hypot(f.keypointX(a) - f.keypointX(b), f.keypointY(a) - f.keypointY(b));
    }
}
