package dev.attend.encoders.vision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * BlazeFace's "weighted" non-maximum suppression (MediaPipe's tie resolution): take the best remaining detection,
 * gather every remaining one overlapping it by more than the IoU threshold, and replace the group by the
 * score-weighted mean of their boxes and keypoints, keeping the best score. Steadier than plain NMS on video.
 */
public final class WeightedNms {

    private final float iouThreshold;

    /** @param iouThreshold MediaPipe uses 0.3 for faces */
    public WeightedNms(float iouThreshold) {
        this.iouThreshold = iouThreshold;
    }

    public List<FaceDetection> apply(List<FaceDetection> detections) {
        List<FaceDetection> remaining = new ArrayList<>(detections);
        remaining.sort(Comparator.comparingDouble(FaceDetection::score).reversed());
        List<FaceDetection> out = new ArrayList<>();
        while (!remaining.isEmpty()) {
            FaceDetection top = remaining.get(0);
            List<FaceDetection> group = new ArrayList<>();
            List<FaceDetection> rest = new ArrayList<>();
            for (FaceDetection d : remaining) {
                (d == top || top.iou(d) > iouThreshold ? group : rest).add(d);
            }
            out.add(merge(top, group));
            remaining = rest;
        }
        return out;
    }

    private static FaceDetection merge(FaceDetection top, List<FaceDetection> group) {
        if (group.size() == 1) {
            return top;
        }
        double total = 0;
        double x0 = 0;
        double y0 = 0;
        double x1 = 0;
        double y1 = 0;
        double[] k = new double[FaceDetection.KEYPOINTS * 2];
        for (FaceDetection d : group) {
            double w = d.score();
            total += w;
            x0 += w * d.xMin();
            y0 += w * d.yMin();
            x1 += w * d.xMax();
            y1 += w * d.yMax();
            for (int i = 0; i < k.length; i++) {
                k[i] += w * d.keypoints()[i];
            }
        }
        float[] kp = new float[k.length];
        for (int i = 0; i < k.length; i++) {
            kp[i] = (float) (k[i] / total);
        }
        return new FaceDetection(top.score(), (float) (x0 / total), (float) (y0 / total),
                (float) ((x1 - x0) / total), (float) ((y1 - y0) / total), kp);
    }
}
