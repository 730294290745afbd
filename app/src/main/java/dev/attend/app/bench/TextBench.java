package dev.attend.app.bench;

import dev.attend.encoders.text.MiniLm;
import dev.attend.encoders.text.TokenBatch;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/**
 * MiniLM text encoder: tokenization, inference with and without the attention outputs, and the whole sentence
 * embedding, per call. Behind {@code attend bench text} and the {@code text} section of {@code attend bench encoders}.
 */
public final class TextBench implements EncoderBench {

    /** A typical 12-word command. */
    public static final String DEFAULT_TEXT = "Please turn on the lights in the kitchen and play quiet music.";
    /** Whole-process CPU: MiniLM runs on up to 4 ONNX Runtime threads, not only on the caller. */
    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @Override
    public String name() {
        return "text";
    }

    @Override
    public void run(BenchSettings s, PrintWriter out) throws Exception {
        try (MiniLm plain = MiniLm.load(false); MiniLm tapped = MiniLm.load(true)) {
            out.print("Text encoder: ");
            print(out, plain, DEFAULT_TEXT, measure(plain, tapped, DEFAULT_TEXT, s.calls(), s.warmup()));
        }
        out.flush();
    }

    /** Title line, header and one row per step. */
    public static void print(PrintWriter out, MiniLm plain, String text, List<LatencyStats> rows) {
        TokenBatch tokens = plain.tokenizer().encode(text);
        out.printf(Locale.ROOT, "MiniLM (all-MiniLM-L6-v2 int8, ONNX Runtime via DJL) on %d cores; %d words, "
                + "%d tokens; cpu ms = whole process%n", Runtime.getRuntime().availableProcessors(), text.trim().split("\\s+").length,
                tokens.seqLen());
        out.println(LatencyStats.header());
        rows.forEach(r -> out.println(r.row()));
    }

    /** Each step timed {@code calls} times after {@code warmup} untimed calls. */
    public static List<LatencyStats> measure(MiniLm plain, MiniLm tapped, String text, int calls, int warmup) {
        TokenBatch tokens = plain.tokenizer().encode(text);
        return List.of(
                time("tokenize", calls, warmup, () -> plain.tokenizer().encode(text)),
                time("inference", calls, warmup, () -> plain.encode(tokens)),
                time("inference + attention outputs", calls, warmup, () -> tapped.encode(tokens)),
                time("sentence embedding (all steps)", calls, warmup, () -> plain.embed(text)));
    }

    private static LatencyStats time(String what, int calls, int warmup, Runnable call) {
        for (int i = 0; i < warmup; i++) {
            call.run();
        }
        long[] nanos = new long[calls];
        long cpu0 = CPU.getProcessCpuTime();
        for (int i = 0; i < calls; i++) {
            long t0 = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - t0;
        }
        return LatencyStats.of(what, nanos, CPU.getProcessCpuTime() - cpu0);
    }
}
