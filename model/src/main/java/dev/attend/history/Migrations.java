package dev.attend.history;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Versioned schema migrations: numbered SQL scripts on the class path, each applied once in its own transaction and
 * recorded in {@code schema_migrations}. A small runner instead of Flyway: one embedded database, a handful of
 * forward-only scripts, no class-path scanning or extra start-up time (see docs/history.md).
 */
public final class Migrations {

    /** In order; a new schema version appends a script here (never edit an applied one). */
    static final List<String> SCRIPTS = List.of("V1__sessions.sql", "V2__search.sql", "V3__assistant.sql");

    public static final int LATEST = SCRIPTS.size();

    private Migrations() {
    }

    /** Brings the database to {@link #LATEST}; returns the version it had before. */
    public static int migrate(Connection c) throws SQLException {
        return migrate(c, LATEST);
    }

    /** Brings the database to {@code target} (tests build older schemas this way). */
    public static int migrate(Connection c, int target) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                    + "name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
        }
        int current = version(c);
        if (current > LATEST) {
            throw new SQLException("history database has schema version " + current + ", newer than this Attend ("
                    + LATEST + "); update Attend");
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            for (int v = current + 1; v <= target; v++) {
                String name = SCRIPTS.get(v - 1);
                try (Statement s = c.createStatement()) {
                    for (String sql : statements(read(name))) {
                        s.executeUpdate(sql);
                    }
                }
                try (PreparedStatement p = c.prepareStatement("INSERT INTO schema_migrations VALUES (?, ?, ?)")) {
                    p.setInt(1, v);
                    p.setString(2, name);
                    p.setLong(3, System.currentTimeMillis());
                    p.executeUpdate();
                }
                c.commit();
            }
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            if (auto) {
                HistoryStore.restoreAutoCommit(c);
            }
        }
        return current;
    }

    /** The highest applied version, 0 for a new database. */
    public static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_migrations")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    private static String read(String name) {
        try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + name)) {
            if (in == null) {
                throw new IllegalStateException("migration " + name + " missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + name, e);
        }
    }

    /**
     * Splits a script at lines ending in {@code ;}, keeping {@code CREATE TRIGGER … END;} blocks whole;
     * {@code --} comment lines are dropped.
     */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean trigger = false;
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || (trimmed.startsWith("--") && cur.isEmpty())) {
                continue;
            }
            if (cur.isEmpty() && trimmed.toUpperCase(Locale.ROOT).startsWith("CREATE TRIGGER")) {
                trigger = true;
            }
            cur.append(line).append('\n');
            String code = trimmed.replaceAll("--.*$", "").strip();
            boolean ends = trigger ? code.toUpperCase(Locale.ROOT).equals("END;") : code.endsWith(";");
            if (ends) {
                out.add(cur.toString().strip());
                cur.setLength(0);
                trigger = false;
            }
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString().strip());
        }
        return out;
    }
}
