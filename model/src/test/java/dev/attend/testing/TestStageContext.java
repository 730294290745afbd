package dev.attend.testing;

import dev.attend.event.EventSink;
import dev.attend.pipeline.Pacing;
import dev.attend.pipeline.StageContext;

/** A stage context for driving one stage by hand in a test: events go to {@code sink}, never stopping. */
public final class TestStageContext implements StageContext {

    private final Pacing pacing;
    private final EventSink sink;

    public TestStageContext(Pacing pacing, EventSink sink) {
        this.pacing = pacing;
        this.sink = sink;
    }

    /** As fast as the stage can go ({@link Pacing#FAST}). */
    public static StageContext fast(EventSink sink) {
        return new TestStageContext(Pacing.FAST, sink);
    }

    @Override
    public EventSink events() {
        return sink;
    }

    @Override
    public Pacing pacing() {
        return pacing;
    }

    @Override
    public boolean stopping() {
        return false;
    }
}
