package dev.attend.event;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import java.util.Map;

/** The events of the media pipeline itself (sources, stages, stats). */
public final class CoreEvents {

    private CoreEvents() {
    }

    /** First event of a session: schema version, sources and pacing. */
    @JsonTypeName("session.start")
    public record SessionStart(double t, String schema, List<Map<String, Object>> sources, String pacing)
            implements AttendEvent {
    }

    /** Last event of a session. {@code reason}: {@code eof}, {@code stopped} or {@code error}. */
    @JsonTypeName("session.end")
    public record SessionEnd(double t, String reason, double audioSeconds, long videoFrames, long audioDropped,
                             long videoDropped, double wallSeconds) implements AttendEvent {
    }

    /** Audio level over the last {@code window} seconds, in dBFS (full-scale sine = -3.01 dB RMS, 0 dB peak). */
    @JsonTypeName("level")
    public record Level(double t, double window, double rmsDbfs, double peakDbfs) implements AttendEvent {
    }

    /** A decoded video frame reached the pipeline. */
    @JsonTypeName("frame")
    public record Frame(double t, long seq, int width, int height) implements AttendEvent {
    }

    /**
     * A source failed or is unavailable. {@code fatal=false} means the session goes on without it (e.g. no camera:
     * audio only).
     */
    @JsonTypeName("source.error")
    public record SourceError(double t, String source, String message, boolean fatal) implements AttendEvent {
    }

    /** Items were dropped since the last report; audio drops are always reported. */
    @JsonTypeName("drop")
    public record Drop(double t, String stage, String stream, long dropped, long totalDropped) implements AttendEvent {
    }

    /** Once a second: what each stage has done. */
    @JsonTypeName("stats")
    public record Stats(double t, double wallSeconds, List<StageStats> stages) implements AttendEvent {
    }

    /**
     * One stage's counters. Latency is from the item entering the pipeline to the stage finishing it, over the
     * last interval (0 when nothing was processed).
     */
    public record StageStats(String name, String stream, long processed, int queueDepth, int queueCapacity,
                             long dropped, double latencyMsMean, double latencyMsMax) {
    }
}
