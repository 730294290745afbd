package dev.attend.history;

import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** The history could not be read or written; the message is one line for the user (disk full, read-only, …). */
public final class HistoryStorageException extends RuntimeException {

    public HistoryStorageException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code what}, then the reason in plain words where SQLite's code tells it. */
    public static HistoryStorageException of(String what, SQLException e) {
        return new HistoryStorageException(what + ": " + reason(e), e);
    }

    /** Plain words for the SQLite failures a user can fix. */
    public static String reason(SQLException e) {
        if (e instanceof SQLiteException se) {
            int primary = se.getResultCode().code & 0xff;
            if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
                return "the disk is full";
            }
            if (primary == SQLiteErrorCode.SQLITE_READONLY.code) {
                return "the data folder is read-only";
            }
            if (primary == SQLiteErrorCode.SQLITE_CANTOPEN.code) {
                return "the file cannot be opened (missing or read-only folder)";
            }
            if (primary == SQLiteErrorCode.SQLITE_IOERR.code) {
                return "disk I/O error (full or read-only disk?)";
            }
        }
        return e.getMessage();
    }
}
