package dev.attend.audioenc.features;

import dev.attend.event.EventSink;
import dev.attend.pipeline.StageContext;
import java.io.IOException;

/**
 * A head that reads the audio token stream inside the feature stage (e.g. a wake-word model), so that many heads
 * share one mel + embedding computation. Called on the stage thread only; owned and closed by the stage.
 */
public interface TokenConsumer extends AutoCloseable {

    /** Short name for logs, e.g. the model name. */
    String name();

    /** Loads models; called once on the stage thread before the first token. */
    void start(StageContext ctx) throws IOException;

    void onToken(AudioToken token, EventSink events);

    /** Releases native handles; called exactly once, even when {@link #start} failed or never ran. */
    @Override
    void close();
}
