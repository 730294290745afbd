package dev.attend.app.bench;

import dev.attend.event.AsrEvents;
import dev.attend.event.CoreEvents;
import dev.attend.event.EventSink;
import dev.attend.history.Embedder;
import dev.attend.history.HistoryDb;
import dev.attend.history.HistoryRecorder;
import dev.attend.history.HistorySearch;
import dev.attend.history.HistoryStore;
import dev.attend.history.SemanticSearch;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * {@code attend bench history}: fills a history with N synthetic utterances (Zipf-distributed made-up words, random
 * unit vectors), then times what a user waits for: committing a final through the recorder, word search and meaning
 * search (query embedding by the real MiniLM included).
 */
public final class HistoryBench {

    /** Wall and thread-CPU nanoseconds per call (the machine may be shared: CPU time is what the work costs). */
    public record Timings(long[] wall, long[] cpu) {
        Timings(int n) {
            this(new long[n], new long[n]);
        }
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static final int PER_SESSION = 500;
    private final Random random = new Random(42);
    private final String[] vocabulary;
    private final double[] zipf;

    public HistoryBench(int vocabularySize) {
        vocabulary = new String[vocabularySize];
        String[] syllables = {"ka", "lo", "mi", "ten", "ra", "su", "vo", "ne", "di", "pa", "gor", "el", "shi", "tu",
            "ban", "qi", "mor", "fe", "ly", "zan"};
        for (int i = 0; i < vocabularySize; i++) {
            StringBuilder w = new StringBuilder();
            int x = i;
            do {
                w.append(syllables[x % syllables.length]);
                x /= syllables.length;
            } while (x > 0);
            vocabulary[i] = w.toString();
        }
        zipf = new double[vocabularySize];
        double sum = 0;
        for (int i = 0; i < vocabularySize; i++) {
            sum += 1.0 / (i + 1);
            zipf[i] = sum;
        }
        for (int i = 0; i < vocabularySize; i++) {
            zipf[i] /= sum;
        }
    }

    public String word() {
        double u = random.nextDouble();
        int lo = 0;
        int hi = zipf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (zipf[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return vocabulary[lo];
    }

    AsrEvents.Final utterance(int seq, double t) {
        int n = 4 + random.nextInt(12);
        List<AsrEvents.Word> words = new ArrayList<>(n);
        StringBuilder text = new StringBuilder();
        double at = t;
        for (int i = 0; i < n; i++) {
            String w = word();
            words.add(new AsrEvents.Word(w, at, at + 0.3, 0.9));
            at += 0.35;
            text.append(i == 0 ? "" : " ").append(w);
        }
        return new AsrEvents.Final(t, at, seq, text.toString(), 0.9, words, List.of());
    }

    float[] unitVector(int dim) {
        float[] v = new float[dim];
        double norm = 0;
        for (int i = 0; i < dim; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < dim; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    /** Fills {@code db} with {@code total} utterances; returns the seconds it took. */
    public double fill(HistoryStore store, int total, String model, int dim, PrintWriter progress) throws Exception {
        long t0 = System.nanoTime();
        for (int done = 0; done < total; done += PER_SESSION) {
            int n = Math.min(PER_SESSION, total - done);
            long session = store.createSession(Instant.now(), "[]", "fast", "bench", null);
            List<AsrEvents.Final> finals = new ArrayList<>(n);
            List<float[]> vectors = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                finals.add(utterance(i, i * 6.0));
                vectors.add(unitVector(dim));
            }
            store.importFinals(session, finals, model, vectors);
            if ((done / PER_SESSION) % 40 == 0) {
                progress.printf(Locale.ROOT, "  filled %d / %d%n", done + n, total);
                progress.flush();
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Per-final cost of the recorder (10 level events between finals, each final its own commit), in ns. */
    public Timings recorderFinals(Path dbFile, int finals) {
        Timings nanos = new Timings(finals);
        try (HistoryRecorder r = HistoryRecorder.open(dbFile, new HistoryRecorder.SessionMeta("bench", null),
                EventSink.discard(), msg -> { throw new IllegalStateException(msg); }, null)) {
            r.emit(new CoreEvents.SessionStart(0, "1.0", List.of(), "realtime"));
            double t = 0;
            for (int i = 0; i < finals; i++) {
                for (int k = 0; k < 10; k++) {
                    t += 0.1;
                    r.emit(new CoreEvents.Level(t, 0.1, -20, -6));
                }
                AsrEvents.Final f = utterance(i, t);
                long c0 = cpu();
                long t0 = System.nanoTime();
                r.emit(f);
                nanos.wall[i] = System.nanoTime() - t0;
                nanos.cpu[i] = cpu() - c0;
            }
            if (r.failure() != null) {
                throw new IllegalStateException(r.failure());
            }
        }
        return nanos;
    }

    public Timings wordQueries(HistorySearch search, int queries) throws Exception {
        Timings nanos = new Timings(queries);
        for (int i = 0; i < queries; i++) {
            String q = i % 2 == 0 ? word() : word() + " " + word();
            long c0 = cpu();
            long t0 = System.nanoTime();
            search.words(q, 20);
            nanos.wall[i] = System.nanoTime() - t0;
            nanos.cpu[i] = cpu() - c0;
        }
        return nanos;
    }

    /** Meaning search including the query's MiniLM embedding; {@code scanOnly} gets the search without it. */
    public Timings meaningQueries(SemanticSearch search, Embedder miniLm, int queries, Timings scanOnly)
            throws Exception {
        String[] sentences = {"what did we decide about the budget", "remind me to call my sister",
            "the weather tomorrow looks rainy", "where did I put the car keys", "notes from the design meeting"};
        Timings nanos = new Timings(queries);
        for (int i = 0; i < queries; i++) {
            String q = sentences[i % sentences.length] + " " + word();
            long c0 = cpu();
            long t0 = System.nanoTime();
            float[] v = miniLm.embed(q); // ONNX Runtime may use other threads: CPU here is this thread's only
            long c1 = cpu();
            long t1 = System.nanoTime();
            search.nearest(v, 20);
            long t2 = System.nanoTime();
            long c2 = cpu();
            nanos.wall[i] = t2 - t0;
            nanos.cpu[i] = c2 - c0;
            scanOnly.wall[i] = t2 - t1;
            scanOnly.cpu[i] = c2 - c1;
        }
        return nanos;
    }

    public static HistoryDb open(Path file) {
        return HistoryDb.open(file);
    }
}
