package dev.attend.encoders.vision;

import dev.attend.media.VideoFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything after detection, without a model: tracking, the mouth region and its motion against the same track's
 * previous look, and the descriptor. One analyzer per stage (it keeps the tracks).
 */
public final class FaceAnalyzer {

    private final FaceTracker tracker;

    public FaceAnalyzer(FaceTracker tracker) {
        this.tracker = tracker;
    }

    public FaceAnalyzer() {
        this(new FaceTracker());
    }

    public List<TrackedFace> analyze(VideoFrame frame, List<FaceDetection> detections) {
        List<TrackedFace> out = new ArrayList<>(detections.size());
        for (FaceTracker.Assignment a : tracker.update(detections)) {
            FaceDetection f = a.face();
            MouthRegion mouth = MouthRegion.of(f, frame.width(), frame.height());
            float[] patch = MouthMotion.patch(frame, mouth);
            float motion = mouth.isEmpty() ? 0f : MouthMotion.energy(a.track().mouthPatch(), patch);
            a.track().mouthPatch(mouth.isEmpty() ? null : patch);
            float[] descriptor = FaceDescriptor.of(f, motion, frame.width(), frame.height());
            out.add(new TrackedFace(a.track().id(), f, mouth, motion, descriptor));
        }
        return out;
    }

    public FaceTracker tracker() {
        return tracker;
    }
}
