package dev.attend.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.attend.event.AsrEvents;
import dev.attend.event.EventCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The rows a recording session writes, on a connection the caller holds (inside
 * {@link HistoryStore#inTransaction}): the session's start and end, finals, translations and event chunks.
 */
final class SessionRows {

    private SessionRows() {
    }

    static void updateSessionStart(Connection c, long id, String sourcesJson, String pacing) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE sessions SET sources = ?, pacing = ? WHERE id = ?")) {
            p.setString(1, sourcesJson);
            p.setString(2, pacing);
            p.setLong(3, id);
            p.executeUpdate();
        }
    }

    static void endSession(Connection c, long id, Instant endedAt, double duration, String reason)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE sessions SET ended_at = ?, duration = ?, end_reason = ? WHERE id = ?")) {
            p.setLong(1, endedAt.toEpochMilli());
            p.setDouble(2, duration);
            p.setString(3, reason);
            p.setLong(4, id);
            p.executeUpdate();
        }
    }

    static void setDuration(Connection c, long id, double duration) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE sessions SET duration = max(duration, ?) WHERE id = ?")) {
            p.setDouble(1, duration);
            p.setLong(2, id);
            p.executeUpdate();
        }
    }

    /** Inserts (or replaces, for the same session and utterance id) a final; returns its row id. */
    static long insertFinal(Connection c, long sessionId, AsrEvents.Final f, String speaker) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO utterances(session_id, seq, start, end, text, "
                + "confidence, words, speaker) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(session_id, seq) DO "
                + "UPDATE SET start = excluded.start, end = excluded.end, text = excluded.text, "
                + "confidence = excluded.confidence, words = excluded.words, "
                + "speaker = COALESCE(excluded.speaker, speaker) RETURNING id")) {
            p.setLong(1, sessionId);
            p.setInt(2, f.utterance());
            p.setDouble(3, f.t());
            p.setDouble(4, f.end());
            p.setString(5, f.text());
            p.setDouble(6, f.confidence());
            p.setString(7, json(f.words()));
            p.setString(8, speaker);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** Sets who spoke an utterance (an {@code asr.relabel}, or the speaker feature; null clears it). */
    static void setSpeaker(Connection c, long sessionId, int seq, String speaker) throws SQLException {
        setText(c, "UPDATE utterances SET speaker = ? WHERE session_id = ? AND seq = ?", sessionId, seq, speaker);
    }

    static void setTranslation(Connection c, long sessionId, int seq, String translation) throws SQLException {
        setText(c, "UPDATE utterances SET translation = ? WHERE session_id = ? AND seq = ?", sessionId, seq,
                translation);
    }

    /** One text column of one utterance; {@code update} is one of the fixed statements above. */
    private static void setText(Connection c, String update, long sessionId, int seq, String value)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement(update)) {
            p.setString(1, value);
            p.setLong(2, sessionId);
            p.setInt(3, seq);
            p.executeUpdate();
        }
    }

    static void insertChunk(Connection c, long sessionId, int seq, List<String> lines) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO event_chunks VALUES (?, ?, ?, ?)")) {
            p.setLong(1, sessionId);
            p.setInt(2, seq);
            p.setInt(3, lines.size());
            p.setBytes(4, EventChunks.compress(lines));
            p.executeUpdate();
        }
    }

    static String json(Object o) {
        try {
            return EventCodec.mapper().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
