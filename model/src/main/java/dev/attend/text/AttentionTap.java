package dev.attend.text;

import dev.attend.event.AttentionEvent;
import dev.attend.event.AsrEvents;
import dev.attend.event.AttendEvent;
import dev.attend.event.CoreEvents;
import dev.attend.event.EventSink;
import dev.attend.models.BundledModel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An event tap that explains each final transcript with MiniLM's attention: every event is forwarded downstream at
 * once; for each {@code asr.final} with text, its own worker thread runs MiniLM and emits one {@code attention} event
 * per layer × head (72). The model is loaded on the worker at the first final (sessions without transcripts never
 * load it) and released when the session ends.
 *
 * <p>{@code session.end} is held back until the work queued before it is done, then forwarded, so the stream stays
 * complete and in order. It is the one event whose emitter waits for that (the pipeline's finishing thread, after
 * all media has been processed; bounded by {@code endWait}): the pipeline's {@code awaitEnd} then returns only once
 * the attention events are out, and the CLI can close its writer. Every other event returns at once.
 */
public final class AttentionTap implements EventSink, AutoCloseable {

    /** The {@code source} of MiniLM attention events. */
    public static final String SOURCE = "minilm";
    /** Transcripts are cut to this many tokens for the lab ([CLS] and [SEP] included): 72 maps of S×S each. */
    public static final int DEFAULT_MAX_TOKENS = 64;

    private static final Logger LOG = LoggerFactory.getLogger(AttentionTap.class);

    /** Loads the attention-exposing model; called once, on the worker thread. */
    @FunctionalInterface
    public interface ModelLoader {
        MiniLm load() throws Exception;
    }

    private final EventSink downstream;
    private final ModelLoader loader;
    private final Duration endWait;
    private final ExecutorService worker;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean used = new AtomicBoolean();
    private MiniLm model; // worker thread only, until close()
    private boolean unavailable; // worker thread only

    public AttentionTap(EventSink downstream, ModelLoader loader, Duration endWait) {
        this.downstream = downstream;
        this.loader = loader;
        this.endWait = endWait;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "attend-attention-minilm");
            t.setDaemon(true);
            return t;
        });
    }

    /** The bundled MiniLM, transcripts cut to {@link #DEFAULT_MAX_TOKENS}. */
    public static AttentionTap bundled(EventSink downstream) {
        return new AttentionTap(downstream, () -> MiniLm.load(MiniLmFiles.BUNDLED, BundledModel.defaultCacheDir(),
                true, DEFAULT_MAX_TOKENS), Duration.ofMinutes(2));
    }

    /** {@code events} wrapped in a bundled-MiniLM tap when {@code enabled}, else {@code events} itself. */
    public static EventSink wrapIf(boolean enabled, EventSink events) {
        return enabled ? bundled(events) : events;
    }

    @Override
    public void emit(AttendEvent event) {
        if (event instanceof CoreEvents.SessionEnd) {
            forwardEnd(event);
            return;
        }
        downstream.emit(event);
        if (event instanceof AsrEvents.Final f && f.text() != null && !f.text().isBlank()) {
            try {
                used.set(true);
                worker.execute(() -> explain(f));
            } catch (RejectedExecutionException e) {
                LOG.debug("attention tap closed; utterance {} not analyzed", f.utterance());
            }
        }
    }

    private void forwardEnd(AttendEvent end) {
        if (!used.get()) {
            downstream.emit(end);
            close();
            return;
        }
        Future<?> done;
        try {
            done = worker.submit(() -> downstream.emit(end));
        } catch (RejectedExecutionException e) {
            downstream.emit(end);
            return;
        }
        try {
            done.get(endWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warn("session.end could not be forwarded after the attention work", e.getCause());
        } catch (TimeoutException e) {
            LOG.warn("attention work still running after {} s; ending the session without it", endWait.toSeconds());
            done.cancel(false);
            downstream.emit(end);
        }
        close();
    }

    private void explain(AsrEvents.Final f) {
        if (unavailable) {
            return;
        }
        try {
            if (model == null) {
                model = loader.load();
            }
        } catch (Exception | LinkageError e) { // LinkageError: natives that cannot load on this platform
            unavailable = true;
            LOG.error("MiniLM attention unavailable: {}", e.getMessage());
            LOG.debug("MiniLM load failure", e);
            downstream.emit(new CoreEvents.SourceError(f.t(), SOURCE, "attention maps unavailable: "
                    + e.getMessage(), false));
            return;
        }
        try {
            AttentionMaps maps = model.attention(f.text());
            List<String> tokens = maps.tokens();
            for (int l = 0; l < maps.layers(); l++) {
                for (int h = 0; h < maps.heads(); h++) {
                    downstream.emit(new AttentionEvent(f.t(), SOURCE, f.utterance(), l, h,
                            AttentionEvent.AXIS_TOKENS, AttentionEvent.AXIS_TOKENS, tokens, tokens,
                            maps.weights(l, h), maps.scores(l, h)));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("attention of utterance {} failed: {}", f.utterance(), e.getMessage(), e);
        }
    }

    /** Finishes queued work (bounded by {@code endWait}), stops the worker and releases the model. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        worker.shutdown();
        try {
            if (!worker.awaitTermination(endWait.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("attention worker still busy after {} s; abandoning it", endWait.toSeconds());
                worker.shutdownNow();
                if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
                    return; // never close a model the worker may still be using
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (model != null) {
            model.close();
            model = null;
        }
    }
}
