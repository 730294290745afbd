package dev.attend.history;

import dev.attend.config.AppDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The history database file: one SQLite connection in WAL mode with foreign keys on, migrated to the latest schema
 * on open. A file that is not a database or is damaged is moved aside ({@code history.db.corrupt-…}) and a new one
 * is started; {@link #notice()} then says so. All access goes through {@link #connection()} while holding
 * {@link #lock()}, so the recorder, the embedding worker and searches can share it.
 */
public final class HistoryDb implements AutoCloseable {

    public static final String FILE_NAME = "history.db";
    private static final Logger LOG = LoggerFactory.getLogger(HistoryDb.class);

    private final Path file;
    private final Connection connection;
    private final String notice;
    private final Object lock = new Object();

    private HistoryDb(Path file, Connection connection, String notice) {
        this.file = file;
        this.connection = connection;
        this.notice = notice;
    }

    /** Where the history lives: {@code <data>/history.db}. */
    public static Path defaultFile(AppDirs dirs) {
        return dirs.data().resolve(FILE_NAME);
    }

    /**
     * Opens (creating the folder and file if needed) and migrates.
     *
     * @throws HistoryStorageException when the file cannot be opened or written (read-only or full disk, …)
     */
    public static HistoryDb open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new HistoryStorageException("cannot create the history folder " + file.getParent() + ": "
                    + e.getMessage(), e);
        }
        try {
            return new HistoryDb(file, connect(file), null);
        } catch (SQLException e) {
            if (!isDamaged(e)) {
                throw HistoryStorageException.of("cannot open the history database " + file, e);
            }
            Path aside = moveAside(file);
            String notice = "the history database " + file.getFileName() + " was damaged (" + e.getMessage()
                    + "); it was moved aside to " + aside.getFileName() + " and a new one was started";
            LOG.warn(notice);
            try {
                return new HistoryDb(file, connect(file), notice);
            } catch (SQLException e2) {
                throw HistoryStorageException.of("cannot start a new history database " + file, e2);
            }
        }
    }

    private static Connection connect(Path file) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.enforceForeignKeys(true);
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL in WAL: a commit survives a crash of the process (kill -9); only a power cut may lose the last ones
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        cfg.setBusyTimeout(3000);
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), cfg.toProperties());
        try {
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT count(*) FROM sqlite_master").close(); // reads page 1: NOTADB/CORRUPT here
            }
            int before = Migrations.migrate(c);
            if (before != Migrations.LATEST) {
                LOG.info("history database {} migrated from schema {} to {}", file, before, Migrations.LATEST);
            }
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    static boolean isDamaged(SQLException e) {
        if (e instanceof SQLiteException se) {
            SQLiteErrorCode code = se.getResultCode();
            return code == SQLiteErrorCode.SQLITE_NOTADB || code == SQLiteErrorCode.SQLITE_CORRUPT
                    || code.code % 256 == SQLiteErrorCode.SQLITE_CORRUPT.code;
        }
        return false;
    }

    private static Path moveAside(Path file) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + stamp);
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            for (String suffix : new String[] {"-wal", "-shm"}) {
                Path side = file.resolveSibling(file.getFileName() + suffix);
                if (Files.exists(side)) {
                    Files.move(side, aside.resolveSibling(aside.getFileName() + suffix));
                }
            }
        } catch (IOException e) {
            throw new HistoryStorageException("the history database " + file + " is damaged and cannot be moved "
                    + "aside: " + e.getMessage(), e);
        }
        return aside;
    }

    public Path file() {
        return file;
    }

    /** Set when the file was damaged and replaced on open: one line for the user. */
    public Optional<String> notice() {
        return Optional.ofNullable(notice);
    }

    /** Hold this while using {@link #connection()}. */
    public Object lock() {
        return lock;
    }

    public Connection connection() {
        return connection;
    }

    /** {@code PRAGMA integrity_check}: "ok" when the file is sound. */
    public String integrityCheck() throws SQLException {
        synchronized (lock) {
            try (Statement s = connection.createStatement(); var r = s.executeQuery("PRAGMA integrity_check")) {
                return r.next() ? r.getString(1) : "no answer";
            }
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.warn("closing the history database {}: {}", file, e.getMessage());
            }
        }
    }
}
