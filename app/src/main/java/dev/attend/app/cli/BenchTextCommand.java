package dev.attend.app.cli;

import dev.attend.text.MiniLm;
import dev.attend.text.TokenBatch;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code attend bench text}: per-call latency of the MiniLM text encoder (figures for docs/performance.md). */
@Command(name = "text", mixinStandardHelpOptions = true,
        description = "Time MiniLM tokenization and inference, with and without the attention outputs.")
public final class BenchTextCommand implements Callable<Integer> {

    @Option(names = "--text", defaultValue = "Please turn on the lights in the kitchen and play quiet music.",
            description = "Sentence to encode (default: a typical 12-word command).")
    String text;

    @Option(names = "--rounds", defaultValue = "200", description = "Timed calls per measurement (default 200).")
    int rounds;

    @Option(names = "--warmup", defaultValue = "20", description = "Untimed calls first (default 20).")
    int warmup;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (rounds < 1 || warmup < 0) {
            throw new BadInputException("--rounds must be at least 1 and --warmup at least 0");
        }
        if (text.isBlank()) {
            throw new BadInputException("--text must not be empty");
        }
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        try (MiniLm plain = MiniLm.load(false)) {
            double plainLoad = (System.nanoTime() - t0) / 1e6;
            t0 = System.nanoTime();
            try (MiniLm tapped = MiniLm.load(true)) {
                double tappedLoad = (System.nanoTime() - t0) / 1e6;
                run(out, plain, tapped);
                out.printf("load: %.0f ms plain, %.0f ms with the attention graph edit (cached files)%n", plainLoad,
                        tappedLoad);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void run(PrintWriter out, MiniLm plain, MiniLm tapped) {
        TokenBatch tokens = plain.tokenizer().encode(text);
        out.printf("MiniLM (all-MiniLM-L6-v2 int8, ONNX Runtime via DJL) on %d cores; %d words, %d tokens%n",
                Runtime.getRuntime().availableProcessors(), text.trim().split("\\s+").length, tokens.seqLen());
        out.printf("%-32s %9s %9s %9s%n", "", "p50 ms", "p95 ms", "mean ms");
        report(out, "tokenize", measure(() -> plain.tokenizer().encode(text)));
        report(out, "inference", measure(() -> plain.encode(tokens)));
        report(out, "inference + attention outputs", measure(() -> tapped.encode(tokens)));
        report(out, "sentence embedding (all steps)", measure(() -> plain.embed(text)));
    }

    private double[] measure(Supplier<?> call) {
        for (int i = 0; i < warmup; i++) {
            call.get();
        }
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            call.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static void report(PrintWriter out, String what, double[] sorted) {
        out.printf("%-32s %9.3f %9.3f %9.3f%n", what, percentile(sorted, 0.50), percentile(sorted, 0.95),
                Arrays.stream(sorted).average().orElse(0));
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
