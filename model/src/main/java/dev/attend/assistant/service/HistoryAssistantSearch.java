package dev.attend.assistant.service;

import dev.attend.assistant.store.HistorySearch;
import dev.attend.config.AppDirs;
import dev.attend.history.HistoryDb;
import dev.attend.history.HistoryRecords.SearchHit;
import dev.attend.history.HistoryRecords.SessionInfo;
import dev.attend.history.HistoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The assistant's "what did I say about …": word search over the session history ({@code history.db}). The database
 * is opened per question, so a session recording at the same time is never blocked for long (WAL).
 */
public final class HistoryAssistantSearch implements HistorySearch {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryAssistantSearch.class);
    private final Path file;

    public HistoryAssistantSearch(AppDirs dirs) {
        this.file = HistoryDb.defaultFile(dirs);
    }

    @Override
    public List<Hit> search(String query, int limit) {
        if (query == null || query.isBlank() || !Files.isRegularFile(file)) {
            return List.of();
        }
        try (HistoryDb db = HistoryDb.open(file)) {
            HistoryStore store = new HistoryStore(db);
            List<Hit> hits = new ArrayList<>();
            for (SearchHit h : new dev.attend.history.HistorySearch(store).words(query, limit)) {
                if (h.sessionId() == null) {
                    continue; // a note: the notes skill reads those
                }
                Optional<SessionInfo> s = store.session(h.sessionId());
                hits.add(new Hit(h.text(), s.map(SessionInfo::startedAt).orElse(null), Long.toString(h.sessionId()),
                        h.score()));
            }
            return hits;
        } catch (SQLException | RuntimeException e) {
            LOG.warn("history search for '{}' failed: {}", query, e.getMessage());
            return List.of();
        }
    }
}
