package dev.attend.history;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * The history's privacy settings, kept in the database itself: paused (new sessions are not recorded) and
 * retention (sessions older than N days are deleted; 0 = keep everything).
 */
public final class HistoryPrefs {

    private final HistoryStore store;

    public HistoryPrefs(HistoryStore store) {
        this.store = store;
    }

    public boolean paused() throws SQLException {
        return "true".equals(get("paused"));
    }

    public void setPaused(boolean paused) throws SQLException {
        set("paused", Boolean.toString(paused));
    }

    /** Days to keep sessions; 0 = forever. */
    public int retentionDays() throws SQLException {
        String v = get("retention_days");
        return v == null ? 0 : Integer.parseInt(v);
    }

    public void setRetentionDays(int days) throws SQLException {
        if (days < 0) {
            throw new IllegalArgumentException("retention must be 0 (keep everything) or a number of days, not " + days);
        }
        set("retention_days", Integer.toString(days));
    }

    /** Deletes sessions older than the retention setting; returns how many. */
    public int applyRetention(Instant now) throws SQLException {
        int days = retentionDays();
        return days == 0 ? 0 : store.deleteStartedBefore(now.minus(Duration.ofDays(days)));
    }

    private String get(String key) throws SQLException {
        return store.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT value FROM prefs WHERE key = ?")) {
                p.setString(1, key);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? r.getString(1) : null;
                }
            }
        });
    }

    private void set(String key, String value) throws SQLException {
        store.read(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO prefs VALUES (?, ?) "
                    + "ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
                p.setString(1, key);
                p.setString(2, value);
                return p.executeUpdate();
            }
        });
    }
}
