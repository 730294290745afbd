package dev.attend.app.cli;

import dev.attend.app.bench.HistoryBench;
import dev.attend.app.bench.LatencyStats;
import dev.attend.history.Embedder;
import dev.attend.history.HistoryDb;
import dev.attend.history.HistorySearch;
import dev.attend.history.HistoryStore;
import dev.attend.history.SemanticSearch;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code attend bench history}: recorder commit per final, word and meaning search at N utterances. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Time the session history: commit per final, word search and meaning search over N utterances "
                + "(in a temporary database).")
public final class BenchHistoryCommand implements Callable<Integer> {

    @Option(names = "--utterances", defaultValue = "100000", description = "Utterances to fill in (default ${DEFAULT-VALUE}).")
    int utterances;

    @Option(names = "--finals", defaultValue = "1000", description = "Finals committed through the recorder (default ${DEFAULT-VALUE}).")
    int finals;

    @Option(names = "--queries", defaultValue = "200", description = "Queries per search kind (default ${DEFAULT-VALUE}).")
    int queries;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private static void row(PrintWriter out, String what, HistoryBench.Timings t) {
        LatencyStats wall = LatencyStats.of(what, t.wall(), 0);
        LatencyStats cpu = LatencyStats.of(what, t.cpu(), 0);
        out.printf(Locale.ROOT, "  %-34s %6d %9.3f %9.3f %9.3f %9.3f%n", what, wall.calls(), wall.p50Ms(),
                wall.p95Ms(), cpu.p50Ms(), cpu.p95Ms());
    }

    @Override
    public Integer call() throws Exception {
        if (utterances < 1 || finals < 1 || queries < 1) {
            throw new BadInputException("--utterances, --finals and --queries must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("attend-bench-history");
        try (Embedder miniLm = Embedder.miniLm()) {
            Path file = dir.resolve(HistoryDb.FILE_NAME);
            HistoryBench bench = new HistoryBench(20_000);
            int dim = miniLm.embed("probe").length;
            try (HistoryDb db = HistoryDb.open(file)) {
                double fill = bench.fill(new HistoryStore(db), utterances, miniLm.model(), dim,
                        spec.commandLine().getErr());
                out.printf(Locale.ROOT, "history of %d utterances (%d-d vectors) filled in %.1f s; file %.0f MB%n",
                        utterances, dim, fill, Files.size(file) / 1e6);
            }
            HistoryBench.Timings commit = bench.recorderFinals(file, finals);
            try (HistoryDb db = HistoryDb.open(file)) {
                HistoryStore store = new HistoryStore(db);
                HistorySearch words = new HistorySearch(store);
                bench.wordQueries(words, 20); // warm-up
                HistoryBench.Timings word = bench.wordQueries(words, queries);
                SemanticSearch semantic = new SemanticSearch(store, miniLm);
                long t0 = System.nanoTime();
                semantic.nearest(miniLm.embed("warm up"), 20);
                double load = (System.nanoTime() - t0) / 1e6;
                HistoryBench.Timings scan = new HistoryBench.Timings(new long[queries], new long[queries]);
                HistoryBench.Timings meaning = bench.meaningQueries(semantic, miniLm, queries, scan);
                out.printf(Locale.ROOT, "  %-34s %6s %9s %9s %9s %9s%n", "what", "calls", "p50 ms", "p95 ms",
                        "cpu p50", "cpu p95");
                row(out, "commit of one final (recorder)", commit);
                row(out, "word search (FTS5, top 20)", word);
                row(out, "meaning search (embed + scan)", meaning);
                row(out, "  of which scan + top 20", scan);
                out.printf(Locale.ROOT, "first meaning search loads %d vectors into memory: %.0f ms (%.0f MB)%n",
                        semantic.size(), load, semantic.size() * dim * 4 / 1e6);
                out.printf(Locale.ROOT, "load average during the run: %.1f on %d cores%n",
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                        Runtime.getRuntime().availableProcessors());
            }
        } finally {
            dev.attend.app.bench.BenchTempDirs.delete(dir);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
