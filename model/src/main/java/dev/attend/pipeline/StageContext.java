package dev.attend.pipeline;

import dev.attend.event.EventSink;

/** What a stage sees of its session. */
public interface StageContext {

    /** Where the stage's events go (thread-safe). */
    EventSink events();

    /** How the session is paced; realtime stages may skip work under load, fast ones never. */
    Pacing pacing();

    /** True when the session is stopping: long-running work should return early. */
    boolean stopping();
}
