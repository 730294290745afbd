package dev.attend.encoders.vision;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Keeps face identities across frames: each frame's detections are matched to live tracks greedily by IoU (best
 * pair first, at least {@code minIou}); unmatched detections start new tracks with fresh ids (1, 2, …, never
 * reused); a track not seen for more than {@code maxMissed} processed frames is dropped. Not thread-safe: one
 * tracker per stage.
 */
public final class FaceTracker {

    /** A face followed over time. Holds per-track state the analyzer needs (the previous mouth patch). */
    public static final class Track {
        private final int id;
        private FaceDetection last;
        private int missed;
        private int hits;
        private float[] mouthPatch;

        Track(int id, FaceDetection first) {
            this.id = id;
            this.last = first;
            this.hits = 1;
        }

        public int id() {
            return id;
        }

        public FaceDetection last() {
            return last;
        }

        /** Frames in a row this track was not seen (0 when matched in the latest frame). */
        public int missed() {
            return missed;
        }

        /** Frames this track was matched in, the first included. */
        public int hits() {
            return hits;
        }

        float[] mouthPatch() {
            return mouthPatch;
        }

        void mouthPatch(float[] patch) {
            this.mouthPatch = patch;
        }
    }

    /** A detection of the latest frame and the track it belongs to. */
    public record Assignment(Track track, FaceDetection face) {
    }

    private final float minIou;
    private final int maxMissed;
    private final List<Track> tracks = new ArrayList<>();
    private int nextId = 1;

    public FaceTracker(float minIou, int maxMissed) {
        if (minIou <= 0 || minIou > 1 || maxMissed < 0) {
            throw new IllegalArgumentException("need 0 < minIou <= 1 and maxMissed >= 0: " + minIou + ", " + maxMissed);
        }
        this.minIou = minIou;
        this.maxMissed = maxMissed;
    }

    /** Defaults: IoU 0.3, tracks live 10 processed frames without a detection. */
    public FaceTracker() {
        this(0.3f, 10);
    }

    /** Updates the tracks with one frame's detections; the result is in the order of {@code detections}. */
    public List<Assignment> update(List<FaceDetection> detections) {
        int n = detections.size();
        Track[] owner = new Track[n];
        boolean[] taken = new boolean[tracks.size()];
        // greedy matching, best IoU first: few faces per frame, so O(n·m) per round is fine
        while (true) {
            float best = minIou;
            int bi = -1;
            int bt = -1;
            for (int i = 0; i < n; i++) {
                if (owner[i] != null) {
                    continue;
                }
                for (int t = 0; t < tracks.size(); t++) {
                    if (taken[t]) {
                        continue;
                    }
                    float iou = tracks.get(t).last.iou(detections.get(i));
                    if (iou >= best) {
                        best = iou;
                        bi = i;
                        bt = t;
                    }
                }
            }
            if (bi < 0) {
                break;
            }
            owner[bi] = tracks.get(bt);
            taken[bt] = true;
        }
        for (int t = 0; t < taken.length; t++) {
            if (!taken[t]) {
                tracks.get(t).missed++;
            }
        }
        for (Iterator<Track> it = tracks.iterator(); it.hasNext(); ) {
            if (it.next().missed > maxMissed) {
                it.remove();
            }
        }
        List<Assignment> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            FaceDetection d = detections.get(i);
            Track tr = owner[i];
            if (tr == null) {
                tr = new Track(nextId++, d);
                tracks.add(tr);
            } else {
                tr.last = d;
                tr.missed = 0;
                tr.hits++;
            }
            out.add(new Assignment(tr, d));
        }
        return out;
    }

    /** Live tracks (seen within the last {@code maxMissed} frames). */
    public List<Track> tracks() {
        return List.copyOf(tracks);
    }
}
