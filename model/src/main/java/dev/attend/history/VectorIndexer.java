package dev.attend.history;

import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeds each recorded utterance on one worker thread ({@code attend-history-N}), off the pipeline, and stores the
 * vector. The model is loaded on the first job. What it could not embed (model missing, app closed first) is
 * picked up later by {@link SemanticSearch#backfill}.
 */
final class VectorIndexer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VectorIndexer.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final HistoryStore store;
    private final Embedder.Factory factory;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "attend-history-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private Embedder embedder;
    private boolean unavailable;

    VectorIndexer(HistoryStore store, Embedder.Factory factory) {
        this.store = store;
        this.factory = factory;
    }

    void submit(long utteranceId, String text) {
        try {
            worker.execute(() -> embed(utteranceId, text));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing: left for the backfill
        }
    }

    private void embed(long utteranceId, String text) {
        if (unavailable) {
            return;
        }
        try {
            if (embedder == null) {
                embedder = factory.load();
            }
            Vectors.save(store, utteranceId, embedder.model(), embedder.embed(text));
        } catch (SQLException e) {
            LOG.warn("history: cannot store the vector of utterance {}: {}", utteranceId,
                    HistoryStorageException.reason(e));
        } catch (Exception e) {
            unavailable = true;
            LOG.warn("history: sentence vectors unavailable ({}); meaning search will embed later", e.toString());
        }
    }

    /** Finishes queued jobs (up to {@code waitMs}), then releases the model. */
    void close(long waitMs) {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(waitMs, TimeUnit.MILLISECONDS)) {
                worker.shutdownNow();
                worker.awaitTermination(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
        if (embedder != null) {
            embedder.close();
        }
    }

    @Override
    public void close() {
        close(5000);
    }
}
