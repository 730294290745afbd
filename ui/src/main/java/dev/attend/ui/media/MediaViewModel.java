package dev.attend.ui.media;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attend.ui.bridge.EventListener;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * State behind the camera view and the audio strip, from {@code face}, {@code vad}, {@code wake} and
 * {@code level} events: the latest faces, speech segments, wake marks and the newest media time seen.
 */
public final class MediaViewModel implements EventListener {

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

    @Override
    public void onEvents(List<JsonNode> batch) {
        Faces lastFaces = null;
        long before = version;
        for (JsonNode e : batch) {
            String type = e.path("type").asText();
            double t = e.path("t").asDouble();
            if (!"stats".equals(type) && !"session.end".equals(type)) {
                mediaTime = Math.max(mediaTime, t);
            }
            switch (type) {
                case "session.start" -> reset();
                case "face" -> lastFaces = parseFaces(e);
                case "vad" -> {
                    onVad(e);
                    version++;
                }
                case "wake" -> {
                    add(wakes, new WakeMark(t, e.path("model").asText(), e.path("score").asDouble()));
                    version++;
                }
                case "level" -> levelDb = e.path("rmsDbfs").asDouble(-120);
                default -> { }
            }
        }
        if (lastFaces != null) {
            faces.set(lastFaces); // only the newest frame's faces are drawn: coalesced
            version++;
        }
        if (version == before && !hasAudioColumns) {
            version++; // without an audio preview (replays) the strip scrolls by event time
        }
    }

    private void onVad(JsonNode e) {
        String ev = e.path("event").asText();
        double start = e.path("start").asDouble(e.path("t").asDouble());
        if ("start".equals(ev)) {
            add(segments, new Segment(start, Double.NaN));
        } else if ("end".equals(ev)) {
            double end = e.path("end").asDouble(e.path("t").asDouble());
            if (!segments.isEmpty() && Double.isNaN(segments.get(segments.size() - 1).end())) {
                segments.set(segments.size() - 1, new Segment(segments.get(segments.size() - 1).start(), end));
            } else {
                add(segments, new Segment(start, end));
            }
        }
    }

    private static <T> void add(List<T> list, T item) {
        list.add(item);
        if (list.size() > KEEP) {
            list.remove(0);
        }
    }

    static Faces parseFaces(JsonNode e) {
        List<Face> list = new ArrayList<>();
        for (JsonNode f : e.path("faces")) {
            JsonNode kps = f.path("keypoints");
            double[][] kp = new double[kps.size()][];
            for (int i = 0; i < kps.size(); i++) {
                kp[i] = new double[] {kps.get(i).path(0).asDouble(), kps.get(i).path(1).asDouble()};
            }
            list.add(new Face(f.path("track").asInt(), f.path("score").asDouble(), quad(f.path("box")), kp,
                    f.hasNonNull("mouth") ? quad(f.path("mouth")) : null, f.path("mouthMotion").asDouble()));
        }
        return new Faces(e.path("t").asDouble(), e.path("width").asInt(), e.path("height").asInt(), List.copyOf(list));
    }

    private static double[] quad(JsonNode a) {
        return new double[] {a.path(0).asDouble(), a.path(1).asDouble(), a.path(2).asDouble(), a.path(3).asDouble()};
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
