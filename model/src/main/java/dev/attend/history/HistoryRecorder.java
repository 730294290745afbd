package dev.attend.history;

import dev.attend.event.AsrEvents;
import dev.attend.event.AttendEvent;
import dev.attend.event.CoreEvents;
import dev.attend.event.EventCodec;
import dev.attend.event.EventSink;
import dev.attend.event.TranslationEvent;
import dev.attend.event.TypedTextEvent;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a live session into the history as its events pass by, then hands each event on unchanged. Each final
 * (and each final translation) is committed in its own transaction <em>before</em> it is passed on, together with the
 * raw events since the last commit, so whatever was shown as final survives a crash. Other events are kept in
 * memory and committed with the next final, every 2 s or every 256 KB. When the disk is full or read-only, one
 * non-fatal {@code source.error} ({@code source} {@code history}) says so, recording stops and the session goes
 * on; nothing is written anywhere else.
 */
public final class HistoryRecorder implements EventSink, AutoCloseable {

    /** What the events don't say about the session. */
    public record SessionMeta(String speechModel, String translationPair) {
    }

    public static final String SOURCE = "history";
    private static final Logger LOG = LoggerFactory.getLogger(HistoryRecorder.class);
    private static final long FLUSH_BYTES = 256 * 1024;
    private static final long FLUSH_MILLIS = 2000;

    private final HistoryDb db;
    private final HistoryStore store;
    private final SessionMeta meta;
    private final EventSink downstream;
    private final Consumer<String> onProblem;
    private final VectorIndexer vectors;
    private final Clock clock;
    private final List<String> pending = new ArrayList<>();
    private long pendingBytes;
    private long lastFlush;
    private int chunkSeq;
    private Long sessionId;
    private String failure;
    private boolean failureReported;
    private double mediaEnd;
    private boolean closed;

    private HistoryRecorder(HistoryDb db, String openFailure, SessionMeta meta, EventSink downstream,
                            Consumer<String> onProblem, Embedder.Factory embedder, Clock clock) {
        this.db = db;
        this.store = db == null ? null : new HistoryStore(db);
        this.meta = meta;
        this.downstream = downstream;
        this.onProblem = onProblem;
        this.vectors = db == null || embedder == null ? null : new VectorIndexer(store, embedder);
        this.clock = clock;
        this.failure = openFailure;
        this.lastFlush = clock.millis();
    }

    /**
     * Opens the history at {@code dbFile} and returns a recorder in front of {@code downstream}. Never throws: a
     * database that cannot be opened gives a recorder that only reports the problem (as a {@code source.error}
     * with the first event, and to {@code onProblem}) and passes events on.
     *
     * @param embedder loads the sentence encoder for meaning search on the recorder's worker; null: no vectors now
     * @param onProblem one line for the user (damaged file replaced, disk full, …), e.g. stderr or a banner
     */
    public static HistoryRecorder open(Path dbFile, SessionMeta meta, EventSink downstream,
                                       Consumer<String> onProblem, Embedder.Factory embedder) {
        HistoryDb db = null;
        String failure = null;
        try {
            db = HistoryDb.open(dbFile);
            db.notice().ifPresent(onProblem);
        } catch (HistoryStorageException e) {
            failure = message(e.getMessage());
        }
        HistoryRecorder r = new HistoryRecorder(db, failure, meta, downstream, onProblem, embedder,
                Clock.systemUTC());
        if (failure != null) {
            LOG.warn(failure);
            onProblem.accept(failure);
        }
        return r;
    }

    /** The session's id in the history, once its first event arrived (null before, or when nothing is stored). */
    public synchronized Long sessionId() {
        return sessionId;
    }

    /** Null while recording works; else the one-line reason it stopped. */
    public synchronized String failure() {
        return failure;
    }

    @Override
    public synchronized void emit(AttendEvent event) {
        // one lock around record + hand-on: the stored order is exactly the order downstream sees
        if (failure == null && !closed) {
            try {
                record(event);
            } catch (SQLException e) {
                fail(HistoryStorageException.reason(e), e);
            } catch (RuntimeException e) {
                fail(e.toString(), e);
            }
        }
        downstream.emit(event);
        if (failure != null && !failureReported) {
            failureReported = true;
            downstream.emit(new CoreEvents.SourceError(event.t(), SOURCE, failure, false));
        }
    }

    private void record(AttendEvent event) throws SQLException {
        String line = EventCodec.encode(event);
        if (sessionId == null) {
            String sources = event instanceof CoreEvents.SessionStart s ? SessionRows.json(s.sources()) : "[]";
            String pacing = event instanceof CoreEvents.SessionStart s ? s.pacing() : null;
            sessionId = store.createSession(clock.instant(), sources, pacing, meta.speechModel(),
                    meta.translationPair());
        }
        pending.add(line);
        pendingBytes += line.length();
        if (event instanceof TypedTextEvent typed && typed.isCaptionsRow()) {
            // a typed transcript row is a row of the session like a recognized one (certain, no word times)
            event = new AsrEvents.Final(typed.t(), typed.t(), typed.utterance(), typed.text(), 1.0,
                    java.util.List.of(), java.util.List.of());
        }
        if (event instanceof AsrEvents.Final f && !f.text().isBlank()) {
            mediaEnd = Math.max(mediaEnd, f.end());
            long id = store.inTransaction(c -> {
                long rowId = SessionRows.insertFinal(c, sessionId, f, f.speaker());
                SessionRows.setDuration(c, sessionId, mediaEnd);
                flush(c);
                return rowId;
            });
            if (vectors != null) {
                vectors.submit(id, f.text());
            }
        } else if (event instanceof AsrEvents.Relabel r) {
            store.inTransaction(c -> {
                SessionRows.setSpeaker(c, sessionId, r.utterance(), r.speaker());
                flush(c);
                return null;
            });
        } else if (event instanceof TranslationEvent tr && tr.isFinal()) {
            store.inTransaction(c -> {
                SessionRows.setTranslation(c, sessionId, tr.utterance(), tr.target());
                flush(c);
                return null;
            });
        } else if (event instanceof CoreEvents.SessionEnd end) {
            store.inTransaction(c -> {
                flush(c);
                SessionRows.endSession(c, sessionId, clock.instant(), end.audioSeconds() > 0 ? end.audioSeconds()
                        : Math.max(end.t(), mediaEnd), end.reason());
                return null;
            });
        } else if (pendingBytes >= FLUSH_BYTES || clock.millis() - lastFlush >= FLUSH_MILLIS) {
            store.inTransaction(c -> {
                flush(c);
                return null;
            });
        }
    }

    private void flush(java.sql.Connection c) throws SQLException {
        if (!pending.isEmpty()) {
            SessionRows.insertChunk(c, sessionId, chunkSeq, pending);
            chunkSeq++; // only after the insert: a failed transaction retries nothing, the recorder stops
            pending.clear();
            pendingBytes = 0;
        }
        lastFlush = clock.millis();
    }

    private void fail(String reason, Exception e) {
        failure = message(reason);
        LOG.warn("{}", failure, e);
        pending.clear();
        onProblem.accept(failure);
    }

    private static String message(String reason) {
        return "history: this session is not being saved (" + reason + "); it goes on without history";
    }

    /** Commits what is still pending, waits briefly for the vectors being made and closes the database. */
    @Override
    public synchronized void close() {
        if (db == null || closed) {
            return;
        }
        closed = true;
        if (failure == null && sessionId != null && !pending.isEmpty()) {
            try {
                store.inTransaction(c -> {
                    flush(c);
                    return null;
                });
            } catch (SQLException e) {
                LOG.warn("history: last events not saved: {}", HistoryStorageException.reason(e));
            }
        }
        if (vectors != null) {
            vectors.close(5000);
        }
        db.close();
    }
}
