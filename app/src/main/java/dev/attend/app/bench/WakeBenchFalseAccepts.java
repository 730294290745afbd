package dev.attend.app.bench;

import dev.attend.encoders.audio.wake.WakeDecider;
import dev.attend.encoders.audio.wake.WakeOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The false-accept half of the wake bench's report: detections per model and hour on the non-wake corpus. */
final class WakeBenchFalseAccepts {

    private WakeBenchFalseAccepts() {
    }

    /** Detections of every head on these recordings, summed: {@code [head]}. */
    static int[] count(List<WakeRawScores> raws, WakeOptions rule, List<String> events) {
        int[] n = null;
        for (WakeRawScores raw : raws) {
            n = n == null ? new int[raw.heads().size()] : n;
            for (WakeRawScores.Clip c : raw.clips()) {
                WakeReplay.Outcome o = WakeReplay.replay(raw, c, rule);
                for (int h = 0; h < n.length; h++) {
                    n[h] += o.detections().get(h).size();
                    if (events != null) {
                        for (WakeDecider.Detection d : o.detections().get(h)) {
                            events.add(String.format(Locale.ROOT, "%s t=%.2f %s score %.3f peak %.3f", c.label(),
                                    d.t(), raw.heads().get(h), d.score(), d.peak()));
                        }
                    }
                }
            }
        }
        return n == null ? new int[0] : n;
    }

    static double hours(List<WakeRawScores> raws) {
        return raws.stream().flatMap(r -> r.clips().stream()).mapToDouble(c -> c.blocks() * 0.08).sum() / 3600;
    }

    static void print(List<WakeCorpus.Segment> segs, List<WakeRawScores> raws, WakeOptions baseline,
                      WakeOptions rule, String source, PrintWriter out) {
        double hours = segs.stream().mapToDouble(WakeCorpus.Segment::seconds).sum() / 3600;
        double speech = segs.stream().mapToDouble(WakeCorpus.Segment::speechSeconds).sum() / 3600;
        int passages = segs.stream().mapToInt(WakeCorpus.Segment::passages).sum();
        out.printf(Locale.ROOT, "%nFalse accepts: %.2f h of audio (%d segments; %.2f h speech in %d passages of %s, "
                + "the rest pauses, noise and tones)%n", hours, segs.size(), speech, passages, source);
        List<String> eventsS = new ArrayList<>();
        List<String> eventsA = new ArrayList<>();
        int[] s = count(raws, baseline, eventsS);
        int[] a = count(raws, rule, eventsA);
        out.println("  model          openWakeWord (1 phase)   Attend (phase-robust)");
        int ts = 0;
        int ta = 0;
        List<String> heads = raws.isEmpty() ? List.of() : raws.get(0).heads();
        for (int h = 0; h < heads.size(); h++) {
            ts += s[h];
            ta += a[h];
            out.printf(Locale.ROOT, "  %-14s %3d = %5.2f per hour     %3d = %5.2f per hour%n", heads.get(h), s[h],
                    s[h] / hours, a[h], a[h] / hours);
        }
        out.printf(Locale.ROOT, "  %-14s %3d = %5.2f per hour     %3d = %5.2f per hour%n", "all", ts, ts / hours,
                ta, ta / hours);
        eventsS.forEach(e -> out.println("    openWakeWord: " + e));
        eventsA.forEach(e -> out.println("    Attend:       " + e));
        double cpu = 0;
        long blocks = 0;
        long calls = 0;
        for (WakeRawScores raw : raws) {
            for (WakeRawScores.Clip c : raw.clips()) {
                cpu += c.cpuSeconds();
                blocks += c.blocks();
                calls += WakeReplay.replay(raw, c, rule).embeddingCalls();
            }
        }
        out.printf(Locale.ROOT, "  Attend's rule would make %d embedding calls for %d blocks = %.3f per block; "
                + "recording all %d phases took CPU %.1f s = real-time factor %.4f%n", calls, blocks,
                calls / (double) Math.max(1, blocks), raws.isEmpty() ? 0 : raws.get(0).phases(), cpu,
                cpu / (hours * 3600));
        out.flush();
    }
}
