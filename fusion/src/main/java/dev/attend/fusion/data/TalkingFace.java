package dev.attend.fusion.data;

import dev.attend.media.VideoFrame;
import dev.attend.encoders.vision.FaceDescriptor;
import dev.attend.encoders.vision.FaceDetection;
import dev.attend.encoders.vision.MouthMotion;
import dev.attend.encoders.vision.MouthRegion;

/**
 * A synthetic talking face: a face photo whose jaw opens by a given amount, moved by a head pose (shift, zoom,
 * roll, yaw). BlazeFace runs once on the photo's canvas; the keypoints of every rendered frame are the detected ones
 * moved by the same pose (yaw with a simple depth model: nose and mouth in front of the eyes, ears behind), so no
 * detector runs per frame. Only the mouth region is rendered, which is all that the mouth-motion measure reads;
 * it is rendered for real (inverse-mapped, bilinear), including the dark gap of the open mouth.
 */
public final class TalkingFace {

    /** Head pose of one frame: translation (px), scale, roll and yaw (radians). */
    public record Pose(double tx, double ty, double scale, double roll, double yaw) {
    }

    private static final float[] DEPTH = {0f, 0f, 0.55f, 0.25f, -0.7f, -0.7f}; // eye distances, toward the camera
    private final VideoFrame base;
    private final FaceDetection face;
    private final double cx;
    private final double cy;
    private final double eye;
    private final byte[] frame;
    private final VideoFrame view;

    public TalkingFace(VideoFrame base, FaceDetection face) {
        this.base = base;
        this.face = face;
        this.cx = (face.keypointX(FaceDetection.RIGHT_EYE) + face.keypointX(FaceDetection.LEFT_EYE)) / 2.0;
        this.cy = (face.keypointY(FaceDetection.RIGHT_EYE) + face.keypointY(FaceDetection.LEFT_EYE)) / 2.0;
        this.eye = face.eyeDistance();
        this.frame = new byte[base.width() * base.height() * 3];
        this.view = new VideoFrame(0, 0, base.width(), base.height(), frame, 0);
    }

    /** The detection a face detector would report for this pose and mouth opening (0..1). */
    public FaceDetection detection(Pose p, double opening, float score) {
        float[] kp = new float[FaceDetection.KEYPOINTS * 2];
        double cos = Math.cos(p.yaw());
        double sin = Math.sin(p.yaw());
        for (int i = 0; i < FaceDetection.KEYPOINTS; i++) {
            double dx = face.keypointX(i) - cx;
            double dy = face.keypointY(i) - cy;
            if (i == FaceDetection.MOUTH) {
                dy += 0.3 * gap(opening);
            }
            double yx = dx * cos + DEPTH[i] * eye * sin;
            double[] q = place(p, yx, dy);
            kp[2 * i] = (float) q[0];
            kp[2 * i + 1] = (float) q[1];
        }
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        double[][] corners = {{face.xMin(), face.yMin()}, {face.xMax(), face.yMin()}, {face.xMin(), face.yMax()},
            {face.xMax(), face.yMax()}};
        for (double[] c : corners) {
            double[] q = place(p, (c[0] - cx) * cos, c[1] - cy);
            minX = Math.min(minX, q[0]);
            minY = Math.min(minY, q[1]);
            maxX = Math.max(maxX, q[0]);
            maxY = Math.max(maxY, q[1]);
        }
        return new FaceDetection(score, (float) minX, (float) minY, (float) (maxX - minX), (float) (maxY - minY), kp);
    }

    /** Base-frame offset from the eye centre (already yawed) → rendered frame pixel. */
    private double[] place(Pose p, double dx, double dy) {
        double c = Math.cos(p.roll());
        double s = Math.sin(p.roll());
        return new double[] {cx + p.tx() + p.scale() * (c * dx - s * dy), cy + p.ty() + p.scale() * (s * dx + c * dy)};
    }

    private double gap(double opening) {
        return Math.max(0, Math.min(1, opening)) * 0.28 * eye;
    }

    /**
     * Renders the mouth region of {@code det} for this pose and opening and returns its zero-mean grey patch
     * ({@link MouthMotion#patch}).
     */
    public float[] mouthPatch(Pose p, double opening, FaceDetection det) {
        MouthRegion region = MouthRegion.of(det, base.width(), base.height());
        if (region.isEmpty()) {
            return MouthMotion.patch(view, region);
        }
        int x0 = Math.max(0, (int) Math.floor(region.x()) - 1);
        int y0 = Math.max(0, (int) Math.floor(region.y()) - 1);
        int x1 = Math.min(base.width(), (int) Math.ceil(region.x() + region.width()) + 1);
        int y1 = Math.min(base.height(), (int) Math.ceil(region.y() + region.height()) + 1);
        double c = Math.cos(p.roll());
        double s = Math.sin(p.roll());
        double cosYaw = Math.max(0.2, Math.cos(p.yaw()));
        double mx = face.keypointX(FaceDetection.MOUTH);
        double my = face.keypointY(FaceDetection.MOUTH);
        double h = gap(opening);
        double rx = 0.5 * eye;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                // inverse pose: frame pixel → base-frame point
                double qx = (x + 0.5 - cx - p.tx()) / p.scale();
                double qy = (y + 0.5 - cy - p.ty()) / p.scale();
                double bx = (c * qx + s * qy) / cosYaw + cx;
                double by = -s * qx + c * qy + cy;
                int o = (y * base.width() + x) * 3;
                double dx = bx - mx;
                double dy = by - my;
                if (h > 0 && Math.abs(dx) < rx && Math.abs(dy) < 0.8 * eye) {
                    double hh = 0.5 * h * Math.sqrt(1 - (dx / rx) * (dx / rx));
                    if (Math.abs(dy) < hh) {
                        frame[o] = 45;
                        frame[o + 1] = 18;
                        frame[o + 2] = 22;
                        continue;
                    }
                    double fall = Math.max(0, 1 - (Math.abs(dy) - hh) / (0.5 * eye));
                    by += dy > 0 ? -hh * fall : hh * fall;
                }
                sample(bx - 0.5, by - 0.5, o);
            }
        }
        return MouthMotion.patch(view, region);
    }

    private void sample(double sx, double sy, int o) {
        int w = base.width();
        int hgt = base.height();
        int x0 = (int) Math.floor(sx);
        int y0 = (int) Math.floor(sy);
        double fx = sx - x0;
        double fy = sy - y0;
        byte[] src = base.rgb();
        for (int ch = 0; ch < 3; ch++) {
            double v = (1 - fy) * ((1 - fx) * px(src, w, hgt, x0, y0, ch) + fx * px(src, w, hgt, x0 + 1, y0, ch))
                    + fy * ((1 - fx) * px(src, w, hgt, x0, y0 + 1, ch) + fx * px(src, w, hgt, x0 + 1, y0 + 1, ch));
            frame[o + ch] = (byte) Math.round(v);
        }
    }

    private static int px(byte[] src, int w, int h, int x, int y, int ch) {
        int cx = Math.max(0, Math.min(w - 1, x));
        int cy = Math.max(0, Math.min(h - 1, y));
        return src[(cy * w + cx) * 3 + ch] & 0xff;
    }

    /**
     * One video token ({@code FusionConfig.VIDEO_DIM} floats): the face descriptor of the frame at this pose and
     * opening, with the mouth motion against the frame 40 ms earlier (25 fps), then 1 for "face present".
     */
    public float[] token(Pose prevPose, double prevOpening, Pose pose, double opening, float score) {
        FaceDetection prevDet = detection(prevPose, prevOpening, score);
        float[] prev = mouthPatch(prevPose, prevOpening, prevDet);
        FaceDetection det = detection(pose, opening, score);
        float[] cur = mouthPatch(pose, opening, det);
        float motion = MouthMotion.energy(prev, cur);
        float[] d = FaceDescriptor.of(det, motion, base.width(), base.height());
        float[] out = java.util.Arrays.copyOf(d, FaceDescriptor.SIZE + 1);
        out[FaceDescriptor.SIZE] = 1f;
        return out;
    }

    /**
     * A whole frame of a talking-face video with the head still: the photo, its mouth rendered at {@code opening}
     * (0..1). For recordings a test feeds through the real face stage.
     */
    public VideoFrame renderStill(double opening) {
        System.arraycopy(base.rgb(), 0, frame, 0, frame.length);
        Pose still = new Pose(0, 0, 1, 0, 0);
        mouthPatch(still, opening, detection(still, opening, face.score()));
        return new VideoFrame(0, 0, base.width(), base.height(), frame.clone(), 0);
    }

    public FaceDetection face() {
        return face;
    }
}
