package dev.attend.pipeline;

/**
 * One processing step: on the audio or video bus (level meter, VAD, wake word, face detector, recognizer, ...), on
 * the event bus ({@code Stage<AttendEvent>}: translation, attention, later the assistant and the history store) or
 * on the token bus ({@code Stage<Token>}: later the fusion model).
 * A stage runs on its own thread; {@link #process} is never called concurrently, so a stage may keep state
 * (e.g. a recognizer stream or a VAD's hidden state) without locks.
 *
 * @param <T> {@link dev.attend.media.AudioChunk}, {@link dev.attend.media.VideoFrame},
 *            {@link dev.attend.event.AttendEvent} or {@link dev.attend.token.Token}
 */
public interface Stage<T> extends AutoCloseable {

    /** Short name for stats and logs, e.g. {@code level}, {@code vad}. */
    String name();

    /** Called once on the stage thread before the first item. Load models here. */
    default void start(StageContext ctx) throws Exception {
    }

    void process(T item, StageContext ctx) throws Exception;

    /**
     * Called after {@link #process} whenever the stage's queue is empty: it has caught up. A stage that coalesces
     * bursts (e.g. translating only the newest of several queued partial transcripts) does the deferred work here.
     */
    default void caughtUp(StageContext ctx) throws Exception {
    }

    /** End of stream (or stop): flush pending results (e.g. a recognizer's final). Called once. */
    default void end(StageContext ctx) throws Exception {
    }

    /** Releases native handles. Called exactly once, after {@link #end}, even when start failed. */
    @Override
    default void close() throws Exception {
    }
}
