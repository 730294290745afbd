package dev.attend.pipeline;

import dev.attend.event.EventBus;
import dev.attend.event.EventSink;
import dev.attend.token.Token;

/** What a stage sees of its session. */
public interface StageContext {

    /** Where the stage's events go (thread-safe): the session's sink and its event bus. */
    EventSink events();

    /**
     * The session's token bus: encoders publish their embeddings here (audio, video, text), the fusion model reads
     * them. Outside a pipeline, a bus nobody listens to.
     */
    default EventBus<Token> tokens() {
        return Unconnected.TOKENS;
    }

    /** How the session is paced; realtime stages may skip work under load, fast ones never. */
    Pacing pacing();

    /** True when the session is stopping: long-running work should return early. */
    boolean stopping();

    /** The token bus of a context outside a pipeline: nothing subscribes to it. */
    final class Unconnected {
        static final EventBus<Token> TOKENS = new EventBus<>("unconnected tokens");

        private Unconnected() {
        }
    }
}
