package dev.attend.history;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The assistant's notes ("note that …"), searchable with the history ({@link HistorySearch#words} finds them).
 * Each call is its own committed transaction.
 */
public final class NotesRepository {

    /** A note; {@code sessionId} is the session it was taken in, or null. */
    public record Note(long id, Instant createdAt, Instant updatedAt, String text, Long sessionId) {
    }

    private final HistoryStore store;
    private final Clock clock;

    public NotesRepository(HistoryStore store) {
        this(store, Clock.systemUTC());
    }

    public NotesRepository(HistoryStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Saves a note and returns its id. */
    public long add(String text, Long sessionId) throws SQLException {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a note needs some text");
        }
        long now = clock.millis();
        return store.read(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO notes(created_at, updated_at, text, "
                    + "session_id) VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                p.setLong(1, now);
                p.setLong(2, now);
                p.setString(3, text.strip());
                if (sessionId == null) {
                    p.setNull(4, java.sql.Types.INTEGER);
                } else {
                    p.setLong(4, sessionId);
                }
                p.executeUpdate();
                try (ResultSet r = p.getGeneratedKeys()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
    }

    public boolean update(long id, String text) throws SQLException {
        return store.read(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE notes SET text = ?, updated_at = ? WHERE id = ?")) {
                p.setString(1, text.strip());
                p.setLong(2, clock.millis());
                p.setLong(3, id);
                return p.executeUpdate() > 0;
            }
        });
    }

    public boolean delete(long id) throws SQLException {
        return store.read(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM notes WHERE id = ?")) {
                p.setLong(1, id);
                return p.executeUpdate() > 0;
            }
        });
    }

    public Optional<Note> get(long id) throws SQLException {
        List<Note> l = query("WHERE id = " + id);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** Newest first. */
    public List<Note> list() throws SQLException {
        return query("ORDER BY created_at DESC, id DESC");
    }

    private List<Note> query(String tail) throws SQLException {
        return store.read(c -> {
            List<Note> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT id, created_at, updated_at, text, session_id FROM notes " + tail)) {
                while (r.next()) {
                    long sid = r.getLong(5);
                    out.add(new Note(r.getLong(1), Instant.ofEpochMilli(r.getLong(2)),
                            Instant.ofEpochMilli(r.getLong(3)), r.getString(4), r.wasNull() ? null : sid));
                }
            }
            return out;
        });
    }
}
