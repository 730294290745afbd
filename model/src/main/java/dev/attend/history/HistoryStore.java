package dev.attend.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.attend.event.AsrEvents;
import dev.attend.event.EventCodec;
import dev.attend.history.HistoryRecords.SessionInfo;
import dev.attend.history.HistoryRecords.Stats;
import dev.attend.history.HistoryRecords.StoredUtterance;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Sessions, utterances and event chunks in the history database. Every method takes the database lock; writes
 * that must land together go through {@link #inTransaction(SqlWork)}.
 */
public final class HistoryStore {

    private static final TypeReference<List<AsrEvents.Word>> WORDS = new TypeReference<>() { };
    private static final String SESSION_COLUMNS = "s.id, s.started_at, s.ended_at, s.sources, s.pacing, "
            + "s.speech_model, s.translation_pair, s.duration, s.end_reason, "
            + "(SELECT count(*) FROM utterances u WHERE u.session_id = s.id), "
            + "(SELECT substr(u.text, 1, 80) FROM utterances u WHERE u.session_id = s.id ORDER BY u.seq LIMIT 1)";

    private final HistoryDb db;

    public HistoryStore(HistoryDb db) {
        this.db = db;
    }

    public HistoryDb db() {
        return db;
    }

    /** Work done on the connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one transaction (committed, or rolled back when it throws). */
    public <T> T inTransaction(SqlWork<T> work) throws SQLException {
        synchronized (db.lock()) {
            Connection c = db.connection();
            c.setAutoCommit(false);
            try {
                T out = work.run(c);
                c.commit();
                return out;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            } finally {
                restoreAutoCommit(c);
            }
        }
    }

    /**
     * Back to autocommit. sqlite-jdbc sets its flag first, then issues a COMMIT that fails when SQLite already ended
     * the transaction itself (it does on a full disk); that second error must not hide the first.
     */
    static void restoreAutoCommit(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the transaction's own outcome was reported already
        }
    }

    /** Runs {@code work} holding the lock, in autocommit mode. */
    public <T> T read(SqlWork<T> work) throws SQLException {
        synchronized (db.lock()) {
            return work.run(db.connection());
        }
    }

    public long createSession(Instant startedAt, String sourcesJson, String pacing, String speechModel,
                              String translationPair) throws SQLException {
        return read(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO sessions(started_at, sources, pacing, "
                    + "speech_model, translation_pair) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                p.setLong(1, startedAt.toEpochMilli());
                p.setString(2, sourcesJson == null ? "[]" : sourcesJson);
                p.setString(3, pacing);
                p.setString(4, speechModel);
                p.setString(5, translationPair);
                p.executeUpdate();
                try (ResultSet r = p.getGeneratedKeys()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
    }

    /** Records who spoke an utterance (for the speaker feature; null clears it). */
    public void setSpeaker(long sessionId, int seq, String speaker) throws SQLException {
        read(c -> {
            SessionRows.setSpeaker(c, sessionId, seq, speaker);
            return null;
        });
    }

    /**
     * Adds finals (and their vectors, when {@code vectors} is not null: same order, model {@code vectorModel}) to a
     * session in one transaction: for imports and benchmarks; live sessions go through {@link HistoryRecorder}.
     */
    public void importFinals(long sessionId, List<AsrEvents.Final> finals, String vectorModel, List<float[]> vectors)
            throws SQLException {
        inTransaction(c -> {
            try (PreparedStatement v = c.prepareStatement("INSERT OR REPLACE INTO utterance_vectors VALUES (?, ?, ?)")) {
                double end = 0;
                for (int i = 0; i < finals.size(); i++) {
                    long id = SessionRows.insertFinal(c, sessionId, finals.get(i), null);
                    end = Math.max(end, finals.get(i).end());
                    if (vectors != null) {
                        v.setLong(1, id);
                        v.setString(2, vectorModel);
                        v.setBytes(3, Vectors.toBlob(vectors.get(i)));
                        v.executeUpdate();
                    }
                }
                SessionRows.setDuration(c, sessionId, end);
            }
            return null;
        });
    }

    /** Sessions, newest first. */
    public List<SessionInfo> sessions() throws SQLException {
        return read(c -> {
            List<SessionInfo> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT " + SESSION_COLUMNS
                    + " FROM sessions s ORDER BY s.started_at DESC, s.id DESC")) {
                while (r.next()) {
                    out.add(session(r));
                }
            }
            return out;
        });
    }

    public Optional<SessionInfo> session(long id) throws SQLException {
        return read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + SESSION_COLUMNS
                    + " FROM sessions s WHERE s.id = ?")) {
                p.setLong(1, id);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(session(r)) : Optional.empty();
                }
            }
        });
    }

    private static SessionInfo session(ResultSet r) throws SQLException {
        long ended = r.getLong(3);
        boolean running = r.wasNull();
        String first = r.getString(11);
        return new SessionInfo(r.getLong(1), Instant.ofEpochMilli(r.getLong(2)),
                running ? null : Instant.ofEpochMilli(ended), r.getString(4), r.getString(5), r.getString(6),
                r.getString(7), r.getDouble(8), r.getString(9), r.getInt(10), first == null ? "" : first);
    }

    /** A session's utterances in order. */
    public List<StoredUtterance> utterances(long sessionId) throws SQLException {
        return read(c -> {
            List<StoredUtterance> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, session_id, seq, start, end, text, confidence, "
                    + "words, translation, speaker FROM utterances WHERE session_id = ? ORDER BY seq")) {
                p.setLong(1, sessionId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(new StoredUtterance(r.getLong(1), r.getLong(2), r.getInt(3), r.getDouble(4),
                                r.getDouble(5), r.getString(6), r.getDouble(7), words(r.getString(8)),
                                r.getString(9), r.getString(10)));
                    }
                }
            }
            return out;
        });
    }

    /** The session's raw events, exactly as they were written, in order. */
    public void events(long sessionId, Consumer<String> line) throws SQLException {
        List<byte[]> chunks = read(c -> {
            List<byte[]> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT data FROM event_chunks WHERE session_id = ? ORDER BY seq")) {
                p.setLong(1, sessionId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(r.getBytes(1));
                    }
                }
            }
            return out;
        });
        chunks.forEach(ch -> EventChunks.decompress(ch, line));
    }

    /** Deletes a session with its utterances, vectors, events (and their words in the search index). */
    public boolean delete(long sessionId) throws SQLException {
        return inTransaction(c -> {
            try (PreparedStatement u = c.prepareStatement("DELETE FROM utterances WHERE session_id = ?");
                 PreparedStatement s = c.prepareStatement("DELETE FROM sessions WHERE id = ?")) {
                u.setLong(1, sessionId);
                u.executeUpdate();
                s.setLong(1, sessionId);
                return s.executeUpdate() > 0;
            }
        });
    }

    /** Deletes every session (notes and timers stay); returns how many. */
    public int deleteAll() throws SQLException {
        return deleteStartedBefore(Instant.ofEpochMilli(Long.MAX_VALUE));
    }

    /** Retention: deletes sessions started before {@code cutoff}; returns how many. */
    public int deleteStartedBefore(Instant cutoff) throws SQLException {
        int n = inTransaction(c -> {
            try (PreparedStatement u = c.prepareStatement("DELETE FROM utterances WHERE session_id IN "
                    + "(SELECT id FROM sessions WHERE started_at < ?)");
                 PreparedStatement s = c.prepareStatement("DELETE FROM sessions WHERE started_at < ?")) {
                u.setLong(1, cutoff.toEpochMilli());
                u.executeUpdate();
                s.setLong(1, cutoff.toEpochMilli());
                return s.executeUpdate();
            }
        });
        if (n > 0) {
            read(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA wal_checkpoint(TRUNCATE)"); // deleted text leaves the WAL file too
                }
                return null;
            });
        }
        return n;
    }

    public Stats stats() throws SQLException {
        return read(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT "
                    + "(SELECT count(*) FROM sessions), (SELECT count(*) FROM utterances), "
                    + "(SELECT coalesce(sum(json_array_length(words)), 0) FROM utterances), "
                    + "(SELECT coalesce(sum(duration), 0) FROM sessions), "
                    + "(SELECT coalesce(sum(events), 0) FROM event_chunks), "
                    + "(SELECT coalesce(sum(length(data)), 0) FROM event_chunks), "
                    + "(SELECT count(*) FROM utterance_vectors), (SELECT count(*) FROM notes), "
                    + "(SELECT count(*) FROM timers)")) {
                r.next();
                long size;
                try {
                    size = Files.size(db.file());
                } catch (java.io.IOException e) {
                    size = -1;
                }
                return new Stats(r.getInt(1), r.getInt(2), r.getLong(3), r.getDouble(4), r.getLong(5), r.getLong(6),
                        r.getInt(7), r.getInt(8), r.getInt(9), size);
            }
        });
    }

    private static List<AsrEvents.Word> words(String json) {
        try {
            return EventCodec.mapper().readValue(json, WORDS);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
