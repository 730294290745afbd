package dev.attend.ui.media;

import dev.attend.event.AttendEvent;
import dev.attend.event.CoreEvents;
import dev.attend.event.FaceEvent;
import dev.attend.event.VadEvent;
import dev.attend.event.WakeEvent;
import dev.attend.ui.bridge.EventBridge;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * State behind the camera view and the audio strip, from {@code face}, {@code vad}, {@code wake} and
 * {@code level} events: the latest faces, speech segments, wake marks and the newest media time seen.
 */
public final class MediaViewModel {

    /** A face in frame pixels. */
    public record Face(int track, double score, double[] box, double[][] keypoints, double[] mouth,
                       double mouthMotion) {
    }

    /** Faces of one processed frame. */
    public record Faces(double t, int width, int height, List<Face> faces) {
    }

    /** A speech segment; {@code end} is NaN while speech goes on. */
    public record Segment(double start, double end) {
    }

    /** A wake-word detection. */
    public record WakeMark(double t, String model, double score) {
    }

    private static final int KEEP = 200;
    private final ReadOnlyObjectWrapper<Faces> faces = new ReadOnlyObjectWrapper<>();
    private final List<Segment> segments = new ArrayList<>();
    private final List<WakeMark> wakes = new ArrayList<>();
    private double mediaTime;
    private double levelDb = -120;
    private long version;
    private boolean hasAudioColumns;

    /** Set when the session has an audio preview stage: the strip then scrolls by its columns, not by events. */
    public void setHasAudioColumns(boolean b) {
        hasAudioColumns = b;
    }

    /** Follows faces, speech segments, wake marks and levels; every event advances the newest media time. */
    public void subscribe(EventBridge bridge) {
        bridge.subscribe(AttendEvent.class, e -> {
            if (!(e instanceof CoreEvents.Stats) && !(e instanceof CoreEvents.SessionEnd)) {
                mediaTime = Math.max(mediaTime, e.t());
            }
            if (!hasAudioColumns) {
                version++; // without an audio preview (replays) the strip scrolls by event time
            }
        });
        bridge.subscribe(CoreEvents.SessionStart.class, e -> reset());
        bridge.subscribe(FaceEvent.class, e -> {
            faces.set(toFaces(e)); // only the newest frame's faces are drawn
            version++;
        });
        bridge.subscribe(VadEvent.class, e -> {
            onVad(e);
            version++;
        });
        bridge.subscribe(WakeEvent.class, e -> {
            add(wakes, new WakeMark(e.t(), e.model(), e.score()));
            version++;
        });
        bridge.subscribe(CoreEvents.Level.class, e -> levelDb = e.rmsDbfs());
    }

    private void onVad(VadEvent e) {
        if ("start".equals(e.event())) {
            add(segments, new Segment(e.start(), Double.NaN));
        } else if ("end".equals(e.event())) {
            double end = e.end() != null ? e.end() : e.t();
            if (!segments.isEmpty() && Double.isNaN(segments.get(segments.size() - 1).end())) {
                segments.set(segments.size() - 1, new Segment(segments.get(segments.size() - 1).start(), end));
            } else {
                add(segments, new Segment(e.start(), end));
            }
        }
    }

    private static <T> void add(List<T> list, T item) {
        list.add(item);
        if (list.size() > KEEP) {
            list.remove(0);
        }
    }

    static Faces toFaces(FaceEvent e) {
        List<Face> list = new ArrayList<>();
        for (FaceEvent.Face f : e.faces()) {
            list.add(new Face(f.track(), f.score(), f.box(), f.keypoints(), f.mouth(), f.mouthMotion()));
        }
        return new Faces(e.t(), e.width(), e.height(), List.copyOf(list));
    }

    public void reset() {
        faces.set(null);
        segments.clear();
        wakes.clear();
        mediaTime = 0;
        levelDb = -120;
        version++;
    }

    public ReadOnlyObjectProperty<Faces> facesProperty() {
        return faces.getReadOnlyProperty();
    }

    public List<Segment> segments() {
        return segments;
    }

    public List<WakeMark> wakes() {
        return wakes;
    }

    /** Newest media time any event referred to. */
    public double mediaTime() {
        return mediaTime;
    }

    public double levelDb() {
        return levelDb;
    }

    /** Changes whenever anything here changed: views redraw only then. */
    public long version() {
        return version;
    }
}
