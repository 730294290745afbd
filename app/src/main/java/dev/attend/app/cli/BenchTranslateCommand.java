package dev.attend.app.cli;

import dev.attend.app.bench.LatencyStats;
import dev.attend.translate.ApertiumInstall;
import dev.attend.translate.ApertiumTranslator;
import dev.attend.translate.TranslatorUnavailableException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code attend bench translate}: per-sentence latency of the persistent Apertium pipeline against one
 * {@code apertium} process per sentence, interleaved sentence by sentence so both see the same machine load.
 */
@Command(name = "translate", mixinStandardHelpOptions = true,
        description = "Per-sentence latency: persistent Apertium pipeline vs one 'apertium' process per sentence.")
public final class BenchTranslateCommand implements Callable<Integer> {

    private static final List<String> SENTENCES = List.of(
            "The house is red.",
            "I have three cats and two dogs.",
            "Where is the train station?",
            "We went to the beach yesterday afternoon.",
            "John Smith lives in New York with his family.",
            "The meeting starts at 10:30 on Monday, 3 March.",
            "Could you please send me the report before Friday?",
            "It costs 12.50 euros, which is quite cheap.",
            "She said that the weather would be better tomorrow.",
            "My favourite book is on the table in the kitchen.",
            "They are learning to play the piano at school.",
            "The children played in the garden until it got dark.");

    @Option(names = "--pair", defaultValue = "eng-spa", description = "Direction (default: ${DEFAULT-VALUE}).")
    String pair;

    @Option(names = "--sentences", defaultValue = "100", paramLabel = "N",
            description = "Sentences to time with each method (default: ${DEFAULT-VALUE}).")
    int sentences;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (sentences < 1) {
            throw new BadInputException("--sentences must be at least 1, not " + sentences);
        }
        ApertiumInstall install = ApertiumInstall.detect();
        if (install.findProgram("apertium").isEmpty()) {
            throw new BadInputException("the apertium command is not installed; install the Debian package apertium");
        }
        PrintWriter out = spec.commandLine().getOut();
        double[] persistent = new double[sentences];
        double[] perProcess = new double[sentences];
        int differing = 0;
        ApertiumTranslator translator;
        try {
            translator = install.open(pair);
        } catch (TranslatorUnavailableException e) {
            throw new BadInputException(e.getMessage());
        }
        try (translator) {
            long t0 = System.nanoTime();
            translator.warmUp();
            double startMs = (System.nanoTime() - t0) / 1e6;
            oneProcess(SENTENCES.get(0)); // warm the file cache for the per-process side too
            for (int i = 0; i < sentences; i++) {
                String s = SENTENCES.get(i % SENTENCES.size());
                long a = System.nanoTime();
                String viaPipeline = translator.translate(s).marked();
                long b = System.nanoTime();
                String viaProcess = oneProcess(s);
                long c = System.nanoTime();
                persistent[i] = (b - a) / 1e6;
                perProcess[i] = (c - b) / 1e6;
                if (!viaPipeline.equals(viaProcess)) {
                    differing++;
                }
            }
            out.printf("pair %s, %d sentences, interleaved; pipeline start-up %.0f ms (once)%n", pair, sentences,
                    startMs);
            out.printf("%-28s %9s %9s %9s%n", "ms per sentence", "p50", "p95", "mean");
            print(out, "persistent pipeline (-z)", persistent);
            print(out, "apertium process each", perProcess);
            out.printf("ratio persistent/per-process: p50 %.4fx, p95 %.4fx (goal <= 0.3x)%n",
                    pct(persistent, 50) / pct(perProcess, 50), pct(persistent, 95) / pct(perProcess, 95));
            out.printf("outputs identical to the apertium command: %d/%d%n", sentences - differing, sentences);
            out.flush();
        }
        return differing == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private String oneProcess(String text) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("apertium", pair).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write((text + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("apertium " + pair + " did not finish within 60 s");
        }
        return out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
    }

    /** Nearest-rank percentile, {@code p} in [0, 100]. */
    private static double pct(double[] values, double p) {
        return LatencyStats.percentile(values, p / 100.0);
    }

    private static void print(PrintWriter out, String name, double[] ms) {
        out.printf("%-28s %9.2f %9.2f %9.2f%n", name, pct(ms, 50), pct(ms, 95), Arrays.stream(ms).average().orElse(0));
    }
}
