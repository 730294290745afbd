package dev.attend.pipeline;

import dev.attend.media.MediaItem;

/**
 * One processing step on the audio or video bus (level meter, VAD, wake word, face detector, recognizer, ...).
 * A stage runs on its own thread; {@link #process} is never called concurrently, so a stage may keep state
 * (e.g. a recognizer stream or a VAD's hidden state) without locks.
 *
 * @param <T> {@link dev.attend.media.AudioChunk} or {@link dev.attend.media.VideoFrame}
 */
public interface Stage<T extends MediaItem> extends AutoCloseable {

    /** Short name for stats and logs, e.g. {@code level}, {@code vad}. */
    String name();

    /** Called once on the stage thread before the first item. Load models here. */
    default void start(StageContext ctx) throws Exception {
    }

    void process(T item, StageContext ctx) throws Exception;

    /** End of stream (or stop): flush pending results (e.g. a recognizer's final). Called once. */
    default void end(StageContext ctx) throws Exception {
    }

    /** Releases native handles. Called exactly once, after {@link #end}, even when start failed. */
    @Override
    default void close() throws Exception {
    }
}
