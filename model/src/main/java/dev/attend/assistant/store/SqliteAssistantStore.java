package dev.attend.assistant.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Timers and notes in one SQLite file (sqlite-jdbc) in the data folder: tables {@code assistant_timers} and
 * {@code assistant_notes}, created on open. One connection, calls serialized. Times are epoch milliseconds.
 */
public final class SqliteAssistantStore implements TimerRepository, NoteRepository, AutoCloseable {

    public static final String FILE = "assistant.db";

    private final Connection db;

    private SqliteAssistantStore(Connection db) {
        this.db = db;
    }

    /** Opens (creating if needed) {@code dataDir/assistant.db}. */
    public static SqliteAssistantStore open(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            return openFile(dataDir.resolve(FILE));
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the data folder " + dataDir + ": " + e.getMessage(), e);
        }
    }

    public static SqliteAssistantStore openFile(Path file) {
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 5000");
                s.execute("CREATE TABLE IF NOT EXISTS assistant_timers (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                        + "name TEXT NOT NULL, length_ms INTEGER NOT NULL, created_ms INTEGER NOT NULL, "
                        + "due_ms INTEGER NOT NULL, state TEXT NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS assistant_notes (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                        + "text TEXT NOT NULL, created_ms INTEGER NOT NULL)");
            }
            return new SqliteAssistantStore(c);
        } catch (SQLException e) {
            throw new StoreException("cannot open the assistant database " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized AssistantTimer create(String name, Duration length, Instant now) {
        Instant due = now.plus(length);
        try (PreparedStatement p = db.prepareStatement("INSERT INTO assistant_timers (name, length_ms, created_ms, "
                + "due_ms, state) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, name);
            p.setLong(2, length.toMillis());
            p.setLong(3, now.toEpochMilli());
            p.setLong(4, due.toEpochMilli());
            p.setString(5, AssistantTimer.RUNNING);
            p.executeUpdate();
            try (ResultSet k = p.getGeneratedKeys()) {
                k.next();
                return new AssistantTimer(k.getLong(1), name, length, now, due, AssistantTimer.RUNNING);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot save the timer: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<AssistantTimer> running() {
        try (PreparedStatement p = db.prepareStatement("SELECT id, name, length_ms, created_ms, due_ms, state FROM "
                + "assistant_timers WHERE state = ? ORDER BY due_ms, id")) {
            p.setString(1, AssistantTimer.RUNNING);
            List<AssistantTimer> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new AssistantTimer(r.getLong(1), r.getString(2), Duration.ofMillis(r.getLong(3)),
                            Instant.ofEpochMilli(r.getLong(4)), Instant.ofEpochMilli(r.getLong(5)), r.getString(6)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the timers: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized boolean finish(long id, String state) {
        try (PreparedStatement p = db.prepareStatement("UPDATE assistant_timers SET state = ? WHERE id = ? AND state = ?")) {
            p.setString(1, state);
            p.setLong(2, id);
            p.setString(3, AssistantTimer.RUNNING);
            return p.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("cannot update the timer: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Note add(String text, Instant now) {
        try (PreparedStatement p = db.prepareStatement("INSERT INTO assistant_notes (text, created_ms) VALUES (?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, text);
            p.setLong(2, now.toEpochMilli());
            p.executeUpdate();
            try (ResultSet k = p.getGeneratedKeys()) {
                k.next();
                return new Note(k.getLong(1), text, now);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot save the note: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<Note> last() {
        List<Note> n = query("SELECT id, text, created_ms FROM assistant_notes ORDER BY created_ms DESC, id DESC LIMIT 1",
                Long.MIN_VALUE, Long.MAX_VALUE, false);
        return n.stream().findFirst();
    }

    @Override
    public synchronized List<Note> between(Instant from, Instant to) {
        return query("SELECT id, text, created_ms FROM assistant_notes WHERE created_ms >= ? AND created_ms < ? "
                + "ORDER BY created_ms, id", from.toEpochMilli(), to.toEpochMilli(), true);
    }

    private List<Note> query(String sql, long from, long to, boolean bind) {
        try (PreparedStatement p = db.prepareStatement(sql)) {
            if (bind) {
                p.setLong(1, from);
                p.setLong(2, to);
            }
            List<Note> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new Note(r.getLong(1), r.getString(2), Instant.ofEpochMilli(r.getLong(3))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the notes: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }
}
