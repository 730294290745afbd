package dev.attend.pipeline;

/** What a stage queue does when it is full. */
public enum OverflowPolicy {
    /** The producer waits: backpressure. Files in fast mode use it so nothing is lost. */
    BLOCK,
    /** The oldest queued item is discarded and counted. Video from live sources: the freshest frame wins. */
    DROP_OLDEST,
    /** The new item is discarded and counted. Audio from a live capture line, which must never be blocked. */
    DROP_NEWEST
}
