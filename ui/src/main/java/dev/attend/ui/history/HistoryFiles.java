package dev.attend.ui.history;

import dev.attend.history.HistoryExport;
import dev.attend.history.HistoryRecords.SessionInfo;
import dev.attend.history.HistoryStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/** Writes a stored session to files: an export in one of {@link HistoryExport}'s formats, or its event stream. */
final class HistoryFiles {

    private final HistoryStore store;

    HistoryFiles(HistoryStore store) {
        this.store = store;
    }

    /** The session's utterances in {@code format}, written to {@code file}. */
    Path export(HistoryExport.Format format, SessionInfo s, Path file) throws IOException, SQLException {
        Files.writeString(file, HistoryExport.format(format, s, store.utterances(s.id())), StandardCharsets.UTF_8);
        return file;
    }

    /** The session's recorded events as {@code session-<id>.jsonl} in {@code dir}, for the normal replay. */
    Path events(SessionInfo s, Path dir) throws IOException, SQLException {
        Files.createDirectories(dir);
        Path f = dir.resolve("session-" + s.id() + ".jsonl");
        StringBuilder sb = new StringBuilder();
        store.events(s.id(), l -> sb.append(l).append('\n'));
        Files.writeString(f, sb, StandardCharsets.UTF_8);
        return f;
    }
}
