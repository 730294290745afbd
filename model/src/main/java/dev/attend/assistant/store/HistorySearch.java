package dev.attend.assistant.store;

import java.time.Instant;
import java.util.List;

/**
 * Search over past sessions' transcripts ("what did I say about the budget"). The session-history feature provides
 * the real implementation (full-text and semantic search); until it is wired, the search skill says so.
 */
@FunctionalInterface
public interface HistorySearch {

    /** One matching utterance. */
    record Hit(String text, Instant when, String session, double score) {
    }

    /** The best matches for {@code query}, best first, at most {@code limit}. */
    List<Hit> search(String query, int limit);
}
