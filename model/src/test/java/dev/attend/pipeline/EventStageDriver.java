package dev.attend.pipeline;

import dev.attend.event.AttendEvent;
import dev.attend.event.EventBus;
import dev.attend.event.EventSink;
import dev.attend.token.Token;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one event stage the way a pipeline does (its own queue and thread, the same {@link StageRunner}), fed by
 * hand: {@link #emit} is what a media stage emitting an event does, {@link #end} is the session's end. For tests of
 * event stages without media.
 */
public final class EventStageDriver implements AutoCloseable {

    private final EventSink downstream;
    private final List<Class<? extends AttendEvent>> accepts;
    private final StageRunner<AttendEvent> runner;
    private final EventBus<Token> tokens = new EventBus<>("test tokens");
    private boolean ended;

    @SafeVarargs
    public EventStageDriver(Stage<AttendEvent> stage, EventSink downstream, Class<? extends AttendEvent>... accepts) {
        this(stage, downstream, null, accepts);
    }

    /** As above, with {@code tokenSubscriber} on the token bus before the stage starts (as a token stage is). */
    @SafeVarargs
    public EventStageDriver(Stage<AttendEvent> stage, EventSink downstream,
                            java.util.function.Consumer<Token> tokenSubscriber,
                            Class<? extends AttendEvent>... accepts) {
        if (tokenSubscriber != null) {
            tokens.subscribe(Token.class, tokenSubscriber::accept);
        }
        this.downstream = downstream;
        this.accepts = List.of(accepts);
        StageContext ctx = new StageContext() {
            @Override
            public EventSink events() {
                return downstream;
            }

            @Override
            public EventBus<Token> tokens() {
                return tokens;
            }

            @Override
            public Pacing pacing() {
                return Pacing.FAST;
            }

            @Override
            public boolean stopping() {
                return false;
            }
        };
        runner = new StageRunner<>(stage, "events", 1024, OverflowPolicy.BLOCK, ctx, AttendEvent::t, false);
        runner.startThread();
    }

    /** The token bus the stage publishes to. */
    public EventBus<Token> tokens() {
        return tokens;
    }

    /** As a stage emitting {@code e}: downstream at once, queued for the stage when it accepts it. */
    public void emit(AttendEvent e) {
        downstream.emit(e);
        if (accepts.isEmpty() || accepts.stream().anyMatch(c -> c.isInstance(e))) {
            try {
                runner.put(e, System.nanoTime());
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
    }

    /** Waits until the stage's {@code start} returned (e.g. its model loaded). */
    public void awaitStarted() throws InterruptedException {
        if (!runner.awaitStarted(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("stage still starting after 60 s");
        }
    }

    /** Waits until the stage has processed everything emitted so far. */
    public void awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (runner.processed() < runner.queue().accepted()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("stage still busy after 60 s");
            }
            Thread.sleep(1);
        }
    }

    /** The session ends: the stage finishes its queue and ends, then {@code end} goes downstream. */
    public void end(AttendEvent sessionEnd) throws InterruptedException {
        finish(Duration.ofSeconds(90));
        downstream.emit(sessionEnd);
    }

    private void finish(Duration wait) throws InterruptedException {
        if (ended) {
            return;
        }
        ended = true;
        runner.queue().finish();
        runner.thread().join(wait.toMillis());
        if (runner.thread().isAlive()) {
            throw new IllegalStateException("stage did not end within " + wait);
        }
    }

    @Override
    public void close() throws InterruptedException {
        finish(Duration.ofSeconds(90));
    }
}
