package dev.attend.history;

import dev.attend.history.HistoryRecords.SearchHit;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.IntConsumer;

/**
 * Search by meaning: the query's sentence vector against every stored utterance vector (exact cosine; vectors are
 * unit length, so a dot product), best first. The vectors are kept in memory in one array (1.5 KB per utterance)
 * and topped up from the database before each search, so a search costs one pass over N × 384 floats: linear in
 * the history's size (figures in docs/performance.md). Deleted utterances are never returned (hits are joined with
 * the utterances table; stale vectors are dropped on the next reload).
 */
public final class SemanticSearch {

    private final HistoryStore store;
    private final Embedder embedder;
    private final int dim;
    private float[] data = new float[0];
    private long[] ids = new long[0];
    private int n;
    private long maxId;

    public SemanticSearch(HistoryStore store, Embedder embedder) {
        this.store = store;
        this.embedder = embedder;
        this.dim = embedder.embed("dimension probe").length;
    }

    /** Embeds utterances that have no vector yet; {@code progress} gets the running count. Returns how many. */
    public int backfill(IntConsumer progress) throws SQLException {
        int done = 0;
        while (true) {
            List<Vectors.Pending> batch = Vectors.missing(store, embedder.model(), 256);
            if (batch.isEmpty()) {
                return done;
            }
            for (Vectors.Pending p : batch) {
                Vectors.save(store, p.utteranceId(), embedder.model(), embedder.embed(p.text()));
                progress.accept(++done);
            }
        }
    }

    /** How many utterances have no vector of this model yet. */
    public int missing() throws SQLException {
        return store.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM utterances u WHERE NOT EXISTS "
                    + "(SELECT 1 FROM utterance_vectors v WHERE v.utterance_id = u.id AND v.model = ?)")) {
                p.setString(1, embedder.model());
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? r.getInt(1) : 0;
                }
            }
        });
    }

    /** The {@code limit} utterances closest in meaning to {@code query}. */
    public synchronized List<SearchHit> meaning(String query, int limit) throws SQLException {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        float[] q = embedder.embed(query);
        return nearest(q, limit);
    }

    /** As {@link #meaning} for a query vector already made (benchmarks). */
    public synchronized List<SearchHit> nearest(float[] q, int limit) throws SQLException {
        topUp();
        List<SearchHit> hits = resolve(top(q, limit + 16), limit);
        if (hits.size() < Math.min(limit, n)) { // stale vectors of deleted utterances crowded the top: reload
            reload();
            hits = resolve(top(q, limit + 16), limit);
        }
        return hits;
    }

    /** Number of vectors held in memory. */
    public synchronized int size() {
        return n;
    }

    private record Scored(int index, float score) {
    }

    private List<Scored> top(float[] q, int k) {
        PriorityQueue<Scored> heap = new PriorityQueue<>((a, b) -> Float.compare(a.score, b.score));
        for (int i = 0; i < n; i++) {
            float s = dot(q, data, i * dim);
            if (heap.size() < k) {
                heap.add(new Scored(i, s));
            } else if (s > heap.peek().score) {
                heap.poll();
                heap.add(new Scored(i, s));
            }
        }
        List<Scored> out = new ArrayList<>(heap);
        out.sort((a, b) -> Float.compare(b.score, a.score));
        return out;
    }

    private float dot(float[] q, float[] m, int off) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int d = 0;
        for (; d + 3 < dim; d += 4) {
            s0 += q[d] * m[off + d];
            s1 += q[d + 1] * m[off + d + 1];
            s2 += q[d + 2] * m[off + d + 2];
            s3 += q[d + 3] * m[off + d + 3];
        }
        for (; d < dim; d++) {
            s0 += q[d] * m[off + d];
        }
        return s0 + s1 + s2 + s3;
    }

    private List<SearchHit> resolve(List<Scored> scored, int limit) throws SQLException {
        if (scored.isEmpty()) {
            return List.of();
        }
        StringBuilder in = new StringBuilder();
        for (Scored s : scored) {
            in.append(in.isEmpty() ? "" : ",").append(ids[s.index]);
        }
        Map<Long, SearchHit> rows = new HashMap<>();
        store.read(c -> {
            try (var st = c.createStatement(); ResultSet r = st.executeQuery("SELECT id, session_id, seq, start, "
                    + "text FROM utterances WHERE id IN (" + in + ")")) {
                while (r.next()) {
                    rows.put(r.getLong(1), new SearchHit("utterance", r.getLong(1), r.getLong(2), r.getInt(3),
                            r.getDouble(4), r.getString(5), r.getString(5), 0));
                }
            }
            return null;
        });
        List<SearchHit> out = new ArrayList<>();
        for (Scored s : scored) {
            SearchHit h = rows.get(ids[s.index]);
            if (h != null && out.size() < limit) {
                out.add(new SearchHit(h.kind(), h.id(), h.sessionId(), h.seq(), h.start(), h.text(), h.snippet(),
                        s.score));
            }
        }
        return out;
    }

    private void reload() throws SQLException {
        n = 0;
        maxId = 0;
        topUp();
    }

    /** Loads vectors added since the last load (ids only grow). */
    private void topUp() throws SQLException {
        store.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT utterance_id, vector FROM utterance_vectors "
                    + "WHERE model = ? AND utterance_id > ? ORDER BY utterance_id")) {
                p.setString(1, embedder.model());
                p.setLong(2, maxId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        float[] v = Vectors.fromBlob(r.getBytes(2));
                        if (v.length != dim) {
                            continue;
                        }
                        if (n == ids.length) {
                            int cap = Math.max(1024, n * 2);
                            ids = Arrays.copyOf(ids, cap);
                            data = Arrays.copyOf(data, cap * dim);
                        }
                        ids[n] = r.getLong(1);
                        System.arraycopy(v, 0, data, n * dim, dim);
                        maxId = ids[n];
                        n++;
                    }
                }
            }
            return null;
        });
    }
}
