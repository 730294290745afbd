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

    /** Nearest-rank percentile of sorted values; {@code q} in [0, 1]. */
    static double percentile(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[nearestRank(sorted.length, q)];
    }

    /** Nearest-rank percentile of values in any order (not changed); {@code q} in [0, 1], 0 when there are none. */
    public static double percentile(double[] values, double q) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[nearestRank(sorted.length, q)];
    }

    private static int nearestRank(int n, double q) {
        int rank = (int) Math.ceil(q * n);
        return Math.max(0, Math.min(n - 1, rank - 1));
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
