package dev.attend.history;

import dev.attend.history.HistoryRecords.SearchHit;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Search by words: FTS5 over utterances, their translations and notes, best (BM25) first, with snippets. For a word
 * found in more than {@value #RANK_WINDOW} utterances, the ranking covers its newest {@value #RANK_WINDOW}
 * occurrences, which keeps a query's cost bounded however large the history grows.
 */
public final class HistorySearch {

    /** Matches ranked per query: all of them for rarer words, the newest this many for very common ones. */
    static final int RANK_WINDOW = 500;
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");
    private final HistoryStore store;

    public HistorySearch(HistoryStore store) {
        this.store = store;
    }

    /**
     * Every word of {@code query} must occur (case and accents ignored); punctuation and FTS operators in the query
     * are ignored, so any text is a valid query.
     */
    public List<SearchHit> words(String query, int limit) throws SQLException {
        String match = ftsQuery(query);
        if (match == null) {
            return List.of();
        }
        List<SearchHit> hits = new ArrayList<>();
        java.util.Set<String> folded = new java.util.HashSet<>();
        Matcher words = TOKEN.matcher(query);
        while (words.find()) {
            folded.add(Snippets.fold(words.group()));
        }
        store.read(c -> {
            // BM25 over the newest RANK_WINDOW matches only (a word said in most utterances would otherwise be
            // scored 60,000 times); snippets are marked here, not by FTS5 (see Snippets)
            try (PreparedStatement p = c.prepareStatement("SELECT u.id, u.session_id, u.seq, u.start, u.text, "
                    + "u.translation, best.r FROM (SELECT id, r FROM (SELECT rowid AS id, rank AS r FROM utterances_fts "
                    + "WHERE utterances_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?3) ORDER BY r LIMIT ?2) best "
                    + "JOIN utterances u ON u.id = best.id ORDER BY best.r")) {
                p.setString(1, match);
                p.setInt(2, limit);
                p.setInt(3, RANK_WINDOW);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        String text = r.getString(5);
                        String translation = r.getString(6);
                        String shown = Snippets.contains(text, folded) || translation == null ? text : translation;
                        hits.add(new SearchHit("utterance", r.getLong(1), r.getLong(2), r.getInt(3), r.getDouble(4),
                                text, Snippets.mark(shown, folded, SearchHit.MARK_START, SearchHit.MARK_END),
                                -r.getDouble(7)));
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement("SELECT n.id, n.session_id, n.text, "
                    + "snippet(notes_fts, 0, char(2), char(3), '…', 16), notes_fts.rank "
                    + "FROM notes_fts JOIN notes n ON n.id = notes_fts.rowid "
                    + "WHERE notes_fts MATCH ? ORDER BY notes_fts.rank LIMIT ?")) {
                p.setString(1, match);
                p.setInt(2, limit);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        long sid = r.getLong(2);
                        Long session = r.wasNull() ? null : sid;
                        hits.add(new SearchHit("note", r.getLong(1), session, null, 0, r.getString(3),
                                r.getString(4), -r.getDouble(5)));
                    }
                }
            }
            return null;
        });
        hits.sort(Comparator.comparingDouble(SearchHit::score).reversed());
        return hits.size() > limit ? hits.subList(0, limit) : hits;
    }

    /**
     * The FTS5 query for user text: each word quoted (whole words: a prefix query merges the lists of every word
     * with that start and was 10× slower at 100,000 utterances); null when there is no word.
     */
    static String ftsQuery(String query) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(query == null ? "" : query);
        while (m.find()) {
            tokens.add(m.group());
        }
        if (tokens.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append('"').append(tokens.get(i)).append('"');
        }
        return sb.toString();
    }
}
