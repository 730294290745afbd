package dev.attend.ui.training;

import dev.attend.training.TrainingListener;
import dev.attend.ui.bridge.UiTasks;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A job's reports, from the job's thread to the UI thread: they queue, and one hand-over (however many arrived
 * since the last) gives the UI thread the whole batch, so a fast run never floods it and the charts take every
 * step of a batch in one update.
 */
final class ReportHandOver {

    private final UiTasks tasks;
    private final Consumer<List<Object>> onUi;
    private final Queue<Object> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean handOver = new AtomicBoolean();

    /** @param onUi gets each batch of reports (Progress, Step, Epoch, Result, Throwable), oldest first */
    ReportHandOver(UiTasks tasks, Consumer<List<Object>> onUi) {
        this.tasks = tasks;
        this.onUi = onUi;
    }

    /** A listener whose reports go through this hand-over. */
    TrainingListener listener() {
        return new TrainingListener() {
            @Override
            public void progress(Progress p) {
                post(p);
            }

            @Override
            public void step(Step s) {
                post(s);
            }

            @Override
            public void epoch(Epoch e) {
                post(e);
            }

            @Override
            public void finished(Result r) {
                post(r);
            }

            @Override
            public void failed(Throwable error) {
                post(error);
            }
        };
    }

    private void post(Object o) {
        pending.add(o);
        if (handOver.compareAndSet(false, true)) {
            tasks.onUi(this::drain);
        }
    }

    private void drain() {
        handOver.set(false);
        List<Object> batch = new ArrayList<>();
        Object o;
        while ((o = pending.poll()) != null) {
            batch.add(o);
        }
        if (!batch.isEmpty()) {
            onUi.accept(batch);
        }
    }
}
