package dev.attend.pipeline;

import dev.attend.event.AttendEvent;
import dev.attend.event.EventSink;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The pipeline's guard around its event sink: the first exception from the sink (a full disk, a closed pipe) is
 * kept, reported once to {@code onFailure} (which stops the session), and every later event is dropped without
 * trying again, so a sink that cannot write never fails a stage, never loops and never hangs the session's end.
 */
final class FailStopSink implements EventSink {

    private final EventSink target;
    private final Consumer<RuntimeException> onFailure;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    FailStopSink(EventSink target, Consumer<RuntimeException> onFailure) {
        this.target = target;
        this.onFailure = onFailure;
    }

    @Override
    public void emit(AttendEvent event) {
        if (failure.get() != null) {
            return;
        }
        try {
            target.emit(event);
        } catch (RuntimeException e) {
            if (failure.compareAndSet(null, e)) {
                onFailure.accept(e);
            }
        }
    }

    /** The first failure, or null. */
    RuntimeException failure() {
        return failure.get();
    }
}
