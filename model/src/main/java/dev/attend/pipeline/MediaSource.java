package dev.attend.pipeline;

import dev.attend.media.MediaItem;
import java.util.Map;

/**
 * A producer of timestamped media: a WAV file, a microphone, a camera, a video file (frames and its audio track).
 * The pipeline calls {@link #open} and then {@link #read} on one thread of its own until it returns null.
 * Sources stamp items with media time from their own sample or frame counts (files) or from the session clock (live
 * devices), so all events share one clock.
 */
public interface MediaSource extends AutoCloseable {

    /** Short name for events and logs, e.g. {@code audio-file}, {@code microphone}, {@code camera}. */
    String name();

    /** What the source is, for the {@code session.start} event (kind, path or device, formats). */
    Map<String, Object> describe();

    /** True for devices that cannot be paused (microphone, camera). */
    boolean live();

    /**
     * Opens files or devices. Must fail fast with a one-line, specific message.
     *
     * @param clock the session clock; live sources use it to stamp items
     */
    void open(SessionClock clock) throws SourceException;

    /** Next item, or null at the end of the stream. Blocks for live sources. */
    MediaItem read() throws SourceException, InterruptedException;

    /**
     * Asks a blocked or running {@link #read} to return soon (null or the next item), from another thread. Must not
     * free native resources that the reading thread may still use; {@link #close} does that on the reading thread.
     */
    default void wakeUp() {
    }

    /**
     * Problems that did not stop the source (a file that ends before its header says), each reported once as a
     * non-fatal {@code source.error} when the source reaches its end.
     */
    default java.util.List<String> warnings() {
        return java.util.List.of();
    }

    /** Releases files and devices. Safe to call more than once. */
    @Override
    void close();
}
