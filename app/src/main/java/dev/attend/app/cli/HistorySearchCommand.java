package dev.attend.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attend.history.Embedder;
import dev.attend.history.HistoryDb;
import dev.attend.history.HistoryRecords.SearchHit;
import dev.attend.history.HistorySearch;
import dev.attend.history.HistoryStore;
import dev.attend.history.SemanticSearch;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code attend history search "…" [--semantic]}: by words (FTS5) or by meaning (MiniLM). */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search every session (and the assistant's notes) by words, or by meaning with --semantic.")
final class HistorySearchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "TEXT", description = "What to look for; by words every word must occur.")
    String query;

    @Option(names = "--semantic", description = "Search by meaning (MiniLM sentence vectors) instead of words.")
    boolean semantic;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Results (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "One JSON array of hits.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (limit < 1) {
            throw new BadInputException("--limit must be at least 1, not " + limit);
        }
        List<SearchHit> hits;
        try (HistoryDb db = HistoryCommand.open(spec)) {
            HistoryStore store = new HistoryStore(db);
            if (semantic) {
                try (Embedder miniLm = Embedder.miniLm()) {
                    SemanticSearch search = new SemanticSearch(store, miniLm);
                    int missing = search.missing();
                    if (missing > 0) { // e.g. sessions recorded before a crash finished their vectors
                        spec.commandLine().getErr().println("attend: making sentence vectors for " + missing
                                + " utterances first");
                        search.backfill(n -> { });
                    }
                    hits = search.meaning(query, limit);
                }
            } else {
                hits = new HistorySearch(store).words(query, limit);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ArrayNode arr = HistoryCommand.JSON.createArrayNode();
            for (SearchHit h : hits) {
                ObjectNode o = arr.addObject();
                o.put("kind", h.kind());
                o.put("id", h.id());
                o.put("session", h.sessionId());
                o.put("utterance", h.seq());
                o.put("start", h.start());
                o.put("text", h.text());
                o.put("snippet", h.snippet("[", "]"));
                o.put("score", h.score());
            }
            HistoryCommand.printJson(out, arr);
            return ExitCodes.OK;
        }
        if (hits.isEmpty()) {
            out.println("no matches");
        }
        for (SearchHit h : hits) {
            String where = h.kind().equals("note") ? "note " + h.id()
                    : String.format(Locale.ROOT, "session %d at %s", h.sessionId(), HistoryCommand.clock(h.start()));
            out.printf(Locale.ROOT, "%-22s %6.3f  %s%n", where, h.score(), h.snippet("[", "]"));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
