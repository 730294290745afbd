package dev.attend.app.bench;

import dev.attend.concurrent.AttendThreads;
import dev.attend.encoders.audio.wake.WakeOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The wake bench's workers: a fixed pool, one {@link WakeBenchRunner} (its own loaded models) per worker thread. */
final class WakeBenchPool implements AutoCloseable {

    private final int threads;
    private final WakeOptions recording;
    private final List<WakeBenchRunner> runners = new CopyOnWriteArrayList<>();
    private final ThreadLocal<WakeBenchRunner> runner = new ThreadLocal<>();

    /** @param recording phases and gate the runners record raw scores with */
    WakeBenchPool(int threads, WakeOptions recording) {
        this.threads = threads;
        this.recording = recording;
    }

    /** This worker's runner, made on first use. */
    WakeBenchRunner runner() throws IOException {
        WakeBenchRunner r = runner.get();
        if (r == null) {
            r = new WakeBenchRunner(recording);
            runner.set(r);
            runners.add(r);
        }
        return r;
    }

    /** Runs the tasks on the workers, results in task order. */
    <T> List<T> run(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads, AttendThreads.factory("benchwake"));
        try {
            List<T> out = new ArrayList<>();
            for (var f : pool.invokeAll(tasks)) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception x ? x : new IllegalStateException(e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public void close() {
        runners.forEach(WakeBenchRunner::close);
        runners.clear();
    }
}
