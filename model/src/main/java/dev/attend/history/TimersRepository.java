package dev.attend.history;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The assistant's timers, kept so they survive a restart: {@link #pending()} after start-up gives what still has
 * to ring (an overdue one rings at once). The assistant schedules them; this only stores their state.
 */
public final class TimersRepository {

    /** {@code state}: {@code pending}, {@code fired} or {@code cancelled}. */
    public record Timer(long id, String label, Instant createdAt, Instant dueAt, String state, Instant firedAt) {
    }

    private final HistoryStore store;
    private final Clock clock;

    public TimersRepository(HistoryStore store) {
        this(store, Clock.systemUTC());
    }

    public TimersRepository(HistoryStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A timer that rings {@code after} from now; returns its id. */
    public long start(String label, Duration after) throws SQLException {
        if (after.isNegative()) {
            throw new IllegalArgumentException("a timer cannot ring in the past: " + after);
        }
        Instant now = clock.instant();
        return store.read(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO timers(label, created_at, due_at) "
                    + "VALUES (?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                p.setString(1, label == null ? "" : label);
                p.setLong(2, now.toEpochMilli());
                p.setLong(3, now.plus(after).toEpochMilli());
                p.executeUpdate();
                try (ResultSet r = p.getGeneratedKeys()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
    }

    /** Marks a pending timer as rung; false when it was not pending. */
    public boolean markFired(long id) throws SQLException {
        return setState(id, "fired", clock.millis());
    }

    /** Cancels a pending timer; false when it was not pending. */
    public boolean cancel(long id) throws SQLException {
        return setState(id, "cancelled", null);
    }

    private boolean setState(long id, String state, Long firedAt) throws SQLException {
        return store.read(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE timers SET state = ?, fired_at = ? WHERE id = ? AND state = 'pending'")) {
                p.setString(1, state);
                if (firedAt == null) {
                    p.setNull(2, java.sql.Types.INTEGER);
                } else {
                    p.setLong(2, firedAt);
                }
                p.setLong(3, id);
                return p.executeUpdate() > 0;
            }
        });
    }

    /** Pending timers, soonest first. */
    public List<Timer> pending() throws SQLException {
        return query("WHERE state = 'pending' ORDER BY due_at, id");
    }

    /** Every timer, newest first. */
    public List<Timer> list() throws SQLException {
        return query("ORDER BY created_at DESC, id DESC");
    }

    private List<Timer> query(String tail) throws SQLException {
        return store.read(c -> {
            List<Timer> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT id, label, created_at, due_at, state, fired_at FROM timers " + tail)) {
                while (r.next()) {
                    long fired = r.getLong(6);
                    out.add(new Timer(r.getLong(1), r.getString(2), Instant.ofEpochMilli(r.getLong(3)),
                            Instant.ofEpochMilli(r.getLong(4)), r.getString(5),
                            r.wasNull() ? null : Instant.ofEpochMilli(fired)));
                }
            }
            return out;
        });
    }
}
