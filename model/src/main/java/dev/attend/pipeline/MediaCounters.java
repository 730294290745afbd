package dev.attend.pipeline;

import dev.attend.media.AudioChunk;
import dev.attend.media.MediaItem;
import dev.attend.media.VideoFrame;

/** What media reached the buses: the latest media time, seconds of audio and video frames (thread-safe). */
final class MediaCounters {

    private double mediaTime;
    private double audioSeconds;
    private long videoFrames;

    synchronized void count(MediaItem item) {
        if (item instanceof AudioChunk a) {
            audioSeconds += a.duration();
            mediaTime = Math.max(mediaTime, a.endTime());
        } else if (item instanceof VideoFrame f) {
            videoFrames++;
            mediaTime = Math.max(mediaTime, f.t());
        }
    }

    /** Latest media time, rounded to the microsecond. */
    synchronized double time() {
        return round6(mediaTime);
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(round6(mediaTime), round6(audioSeconds), videoFrames);
    }

    record Snapshot(double mediaTime, double audioSeconds, long videoFrames) {
    }

    static double round6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
