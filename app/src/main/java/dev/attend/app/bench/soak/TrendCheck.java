package dev.attend.app.bench.soak;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Decides whether a metric grows over a soak: the samples after the warm-up are split into thirds and the median of
 * the last third is compared with the median of the first. Growth beyond {@code max(absolute, relative × start)}
 * is a failure; the least-squares slope per hour is reported with it. Medians of thirds, not first and last sample,
 * so one GC-timing outlier neither hides nor fakes a leak. RSS is compared by its floor (the lowest sample of each
 * third): sessions that start and stop swing it by a hundred MiB or more between samples (model loads, glibc
 * returning arenas late), which made the medians of a 4-minute run wander by more than the allowed growth, while a
 * leak lifts the floor. The floor ignores the single lowest sample of a third when the third has four or more: a
 * CI run caught glibc handing back 90 MiB at one sample just after the warm-up (333 MiB between readings of 394 and
 * 427), which as the first third's minimum made a flat run look like +89 MiB.
 */
public final class TrendCheck {

    /** The verdict for one metric. */
    public record Result(String metric, double start, double end, double perHour, double allowed, boolean grows) {
        public String line() {
            return String.format(java.util.Locale.ROOT, "%-8s %s: %.1f -> %.1f (%+.1f per hour; allowed growth %.1f)",
                    metric, grows ? "GROWS" : "flat", start, end, perHour, allowed);
        }
    }

    private final double absolute;
    private final double relative;
    private final boolean floor;

    public TrendCheck(double absolute, double relative) {
        this(absolute, relative, false);
    }

    /** @param floor compare the lowest sample of each third instead of its median */
    public TrendCheck(double absolute, double relative, boolean floor) {
        this.absolute = absolute;
        this.relative = relative;
        this.floor = floor;
    }

    /** The checks Attend's soak uses: RSS, heap after GC, threads and fds. */
    public static List<Result> all(List<ProcessSample> steady) {
        List<Result> r = new ArrayList<>();
        r.add(new TrendCheck(48, 0.10, true).check("rssMiB", steady, ProcessSample::rssMiB));
        r.add(new TrendCheck(8, 0.10).check("heapMiB", steady, ProcessSample::heapMiB));
        r.add(new TrendCheck(2, 0).check("threads", steady, ProcessSample::threads));
        r.add(new TrendCheck(4, 0).check("fds", steady, s -> s.fds()));
        return r;
    }

    public Result check(String metric, List<ProcessSample> steady, ToDoubleFunction<ProcessSample> value) {
        if (steady.size() < 3) {
            throw new IllegalArgumentException("a trend needs at least 3 samples after the warm-up, not "
                    + steady.size());
        }
        int third = Math.max(1, steady.size() / 3);
        List<ProcessSample> first = steady.subList(0, third);
        List<ProcessSample> last = steady.subList(steady.size() - third, steady.size());
        double start = floor ? min(first, value) : median(first, value);
        double end = floor ? min(last, value) : median(last, value);
        double allowed = Math.max(absolute, relative * Math.abs(start));
        return new Result(metric, start, end, slopePerHour(steady, value), allowed, end - start > allowed);
    }

    /** The lowest sample, or the second lowest when there are four or more (one outlier never sets the floor). */
    static double min(List<ProcessSample> samples, ToDoubleFunction<ProcessSample> value) {
        double[] v = samples.stream().mapToDouble(value).sorted().toArray();
        return v.length == 0 ? Double.NaN : v[v.length >= 4 ? 1 : 0];
    }

    static double median(List<ProcessSample> samples, ToDoubleFunction<ProcessSample> value) {
        double[] v = samples.stream().mapToDouble(value).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    static double slopePerHour(List<ProcessSample> samples, ToDoubleFunction<ProcessSample> value) {
        double[] x = samples.stream().mapToDouble(ProcessSample::elapsedSeconds).toArray();
        double[] y = samples.stream().mapToDouble(value).toArray();
        double mx = Arrays.stream(x).average().orElse(0);
        double my = Arrays.stream(y).average().orElse(0);
        double num = 0;
        double den = 0;
        for (int i = 0; i < x.length; i++) {
            num += (x[i] - mx) * (y[i] - my);
            den += (x[i] - mx) * (x[i] - mx);
        }
        return den == 0 ? 0 : num / den * 3600;
    }
}
