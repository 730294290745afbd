package dev.attend.encoders.audio.features;

import dev.attend.event.EventSink;
import dev.attend.pipeline.StageContext;
import java.io.IOException;
import java.util.List;

/**
 * A head that reads the audio token stream inside the feature stage (e.g. a wake-word model), so that many heads
 * share one mel + embedding computation. Called on the stage thread only; owned and closed by the stage.
 */
public interface TokenConsumer extends AutoCloseable {

    /** Short name for logs, e.g. the model name. */
    String name();

    /** Loads models; called once on the stage thread before the first token. */
    void start(StageContext ctx) throws IOException;

    /**
     * Embeddings of audio assumed to precede the stream, oldest first ({@link SpeechFeatureExtractor#primer}); called
     * once after {@link #start} and before the first token. Never scored or published: a head only uses them as its
     * initial history, so it can score from the first token. Default: ignored.
     */
    default void prime(List<float[]> history) {
    }

    /** Each 80 ms block: its phase-0 token and, on demand, the other phases' ({@link TokenBlock}). */
    void onBlock(TokenBlock block, EventSink events);

    /** The stream ended: emit anything still held back. Default: nothing. */
    default void end(EventSink events) {
    }

    /** Releases native handles; called exactly once, even when {@link #start} failed or never ran. */
    @Override
    void close();
}
