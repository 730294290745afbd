package dev.attend.app.bench;

import java.util.Arrays;

/**
 * Per-call latencies of one model: median, 95th percentile and mean wall time, and mean CPU time of the calling
 * thread (ONNX Runtime runs these single-threaded on the caller), in milliseconds. On a busy machine the wall figures
 * include waiting for a core; the CPU figure does not.
 */
public record LatencyStats(String what, int calls, double p50Ms, double p95Ms, double meanMs, double cpuMeanMs) {

    public static LatencyStats of(String what, long[] wallNanos, long cpuNanosTotal) {
        long[] s = wallNanos.clone();
        Arrays.sort(s);
        double mean = Arrays.stream(s).average().orElse(0) / 1e6;
        return new LatencyStats(what, s.length, percentile(s, 0.50) / 1e6, percentile(s, 0.95) / 1e6, mean,
                s.length == 0 ? 0 : cpuNanosTotal / 1e6 / s.length);
    }

    /** Nearest-rank percentile. */
    static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public String row() {
        return String.format(java.util.Locale.ROOT, "  %-34s %7d %9.3f %9.3f %9.3f %9.3f", what, calls, p50Ms, p95Ms,
                meanMs, cpuMeanMs);
    }

    public static String header() {
        return String.format(java.util.Locale.ROOT, "  %-34s %7s %9s %9s %9s %9s", "model (input)", "calls",
                "p50 ms", "p95 ms", "mean ms", "cpu ms");
    }
}
