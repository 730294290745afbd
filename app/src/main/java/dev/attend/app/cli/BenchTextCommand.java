package dev.attend.app.cli;

import dev.attend.app.bench.TextBench;
import dev.attend.encoders.text.MiniLm;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code attend bench text}: per-call latency of the MiniLM text encoder (figures for docs/performance.md); the
 * measuring is {@link TextBench}'s, shared with {@code attend bench encoders}.
 */
@Command(name = "text", mixinStandardHelpOptions = true,
        description = "Time MiniLM tokenization and inference, with and without the attention outputs.")
public final class BenchTextCommand implements Callable<Integer> {

    @Option(names = "--text", defaultValue = TextBench.DEFAULT_TEXT,
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
                TextBench.print(out, plain, text, TextBench.measure(plain, tapped, text, rounds, warmup));
                out.printf("load: %.0f ms plain, %.0f ms with the attention graph edit (cached files)%n", plainLoad,
                        tappedLoad);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
