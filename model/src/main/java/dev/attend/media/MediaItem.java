package dev.attend.media;

/**
 * One unit of timestamped media flowing through the pipeline. Every later event refers to {@link #t()}, the media
 * time in seconds since the session's media start: the single clock of Attend.
 */
public sealed interface MediaItem permits AudioChunk, VideoFrame {

    /** Media time of the first sample / the frame, in seconds. */
    double t();

    /** Sequence number within its stream, starting at 0, without gaps unless items were dropped. */
    long seq();

    /** {@link System#nanoTime()} when the item entered the pipeline; used for per-stage latency only. */
    long enteredNanos();
}
