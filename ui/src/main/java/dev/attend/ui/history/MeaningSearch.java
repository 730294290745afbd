package dev.attend.ui.history;

import dev.attend.history.Embedder;
import dev.attend.history.HistoryRecords.SearchHit;
import dev.attend.history.HistoryStore;
import dev.attend.history.SemanticSearch;
import java.util.List;

/** Search by meaning: MiniLM is loaded on first use (it takes a moment), released by {@link #close}. */
final class MeaningSearch implements AutoCloseable {

    private final HistoryStore store;
    private final Embedder.Factory factory;
    private SemanticSearch semantic; // guarded by this
    private Embedder embedder; // guarded by this

    MeaningSearch(HistoryStore store, Embedder.Factory factory) {
        this.store = store;
        this.factory = factory;
    }

    /** The {@code limit} utterances nearest to {@code query}, after indexing what is not indexed yet. */
    List<SearchHit> search(String query, int limit) throws Exception {
        SemanticSearch s;
        synchronized (this) {
            if (semantic == null) {
                embedder = factory.load();
                semantic = new SemanticSearch(store, embedder);
            }
            s = semantic;
        }
        s.backfill(n -> { });
        return s.meaning(query, limit);
    }

    @Override
    public synchronized void close() {
        if (embedder != null) {
            embedder.close();
        }
    }
}
