package dev.attend.app.bench;

import dev.attend.encoders.audio.wake.WakeOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Part of {@code attend bench wake --tune-models}: a threshold (0.30–0.95) and patience (1–4) per model, chosen on
 * the tuning split alone ({@link WakeSplit}): among the settings with no more tuning false accepts than the rule
 * asked for, the most voice × word pairs detected at every offset, then the fewest tuning false accepts, then the
 * most clips, then the strictest (highest threshold, then most patience). The picks become one rule (a threshold
 * shift and extra patience per model, {@link WakeOptions#forModel}), reported once on both splits.
 */
final class WakeModelSweep {

    /** One model under one (threshold, patience) on one split. */
    record Tally(int every, int pairs, int clips, int falseAccepts) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d/%d pairs, %d clips, FA %d", every, pairs, clips, falseAccepts);
        }
    }

    /** A model's pick and its tuning figures. */
    record Pick(String model, double threshold, int patience, Tally tune) {
    }

    private final List<String> voices;
    private final List<WakeRawScores> det;
    private final List<WakeRawScores> fa;
    private final int offsets;
    private final boolean[] tuneVoice;

    WakeModelSweep(List<String> voices, List<WakeRawScores> det, List<WakeRawScores> fa, int offsets) {
        this.voices = voices;
        this.det = det;
        this.fa = fa;
        this.offsets = offsets;
        this.tuneVoice = WakeSplit.voices(voices);
    }

    /**
     * Every model's tally under {@code rule} (its per-model tables applied) on one split, by model name in
     * {@link WakeBench#WORDS} order.
     */
    Map<String, Tally> tally(WakeOptions rule, boolean tune) {
        List<String> models = List.copyOf(WakeBench.WORDS.keySet());
        int[][] t = new int[models.size()][3];
        for (int v = 0; v < det.size(); v++) {
            if (tuneVoice[v] != tune) {
                continue;
            }
            var res = WakeBenchDetection.voice(voices.get(v), det.get(v), offsets, WakeBench.baseline(rule), rule);
            for (int w = 0; w < models.size(); w++) {
                String a = res.robust().get(w);
                t[w][2] += (int) a.chars().filter(c -> c == 'x').count();
                if (res.single().get(w).indexOf('x') >= 0) {
                    t[w][1]++;
                    t[w][0] += a.indexOf('.') < 0 ? 1 : 0;
                }
            }
        }
        List<WakeRawScores> part = new ArrayList<>();
        for (int i = 0; i < fa.size(); i++) {
            if (WakeSplit.segment(i) == tune) {
                part.add(fa.get(i));
            }
        }
        int[] f = WakeBenchFalseAccepts.count(part, rule, null);
        List<String> heads = fa.get(0).heads();
        Map<String, Tally> out = new LinkedHashMap<>();
        for (int w = 0; w < models.size(); w++) {
            out.put(models.get(w), new Tally(t[w][0], t[w][1], t[w][2], f[heads.indexOf(models.get(w))]));
        }
        return out;
    }

    /** The per-model picks on the tuning split, sweeping {@code rule}'s threshold and patience for all models. */
    List<Pick> picks(WakeOptions rule) {
        Map<String, Tally> asked = tally(rule, true);
        Map<String, Pick> best = new LinkedHashMap<>();
        for (int ti = 30; ti <= 95; ti += 5) {
            double th = ti / 100.0;
            for (int p = 1; p <= 4; p++) {
                WakeOptions r = new WakeOptions(th, p, rule.refractorySeconds(), rule.phases(),
                        Math.min(rule.phaseGate(), th), rule.votes());
                for (var e : tally(r, true).entrySet()) {
                    Pick c = new Pick(e.getKey(), th, p, e.getValue());
                    Pick b = best.get(e.getKey());
                    if (e.getValue().falseAccepts() > asked.get(e.getKey()).falseAccepts()) {
                        continue;
                    }
                    if (b == null || better(c, b)) {
                        best.put(e.getKey(), c);
                    }
                }
            }
        }
        return List.copyOf(best.values());
    }

    private static boolean better(Pick a, Pick b) {
        Tally x = a.tune();
        Tally y = b.tune();
        if (x.every() != y.every()) {
            return x.every() > y.every();
        }
        if (x.falseAccepts() != y.falseAccepts()) {
            return x.falseAccepts() < y.falseAccepts();
        }
        if (x.clips() != y.clips()) {
            return x.clips() > y.clips();
        }
        return a.threshold() != b.threshold() ? a.threshold() > b.threshold() : a.patience() > b.patience();
    }

    /** The picks as one rule: {@code rule}'s threshold and patience, each model shifted to its pick. */
    static WakeOptions rule(WakeOptions rule, List<Pick> picks) {
        Map<String, Double> shift = new LinkedHashMap<>();
        Map<String, Integer> extra = new LinkedHashMap<>();
        for (Pick p : picks) {
            double d = Math.round((p.threshold() - rule.threshold()) * 100) / 100.0;
            if (d != 0) {
                shift.put(p.model(), d);
            }
            if (p.patience() != rule.patience()) {
                extra.put(p.model(), p.patience() - rule.patience());
            }
        }
        return rule.withExtraPatience(extra).withThresholdShift(shift);
    }

    /** Sweeps, prints the picks (tuning figures only), then the picked rule on both splits. */
    void print(WakeOptions rule, PrintWriter out) {
        List<Pick> picks = picks(rule);
        out.printf(Locale.ROOT, "%n  per-model threshold and patience, chosen on the tuning split (no more FA than %s, "
                + "then most pairs at every offset, fewest FA, most clips, strictest):%n", WakeTune.describe(rule));
        for (Pick p : picks) {
            out.printf(Locale.ROOT, "    %-12s threshold %.2f patience %d: tuning %s%n", p.model(), p.threshold(),
                    p.patience(), p.tune());
        }
        WakeOptions picked = rule(rule, picks);
        out.printf(Locale.ROOT, "  picked rule: %s%n", WakeTune.describe(picked));
        for (boolean tune : new boolean[] {true, false}) {
            int[] sum = new int[4];
            StringBuilder line = new StringBuilder();
            for (var e : tally(picked, tune).entrySet()) {
                Tally t = e.getValue();
                line.append(String.format(Locale.ROOT, " %s %s;", e.getKey(), t));
                sum[0] += t.every();
                sum[1] += t.pairs();
                sum[2] += t.clips();
                sum[3] += t.falseAccepts();
            }
            out.printf(Locale.ROOT, "    %-8s all %d/%d pairs, %d clips, FA %d;%s%n", tune ? "tuning" : "held out",
                    sum[0], sum[1], sum[2], sum[3], line);
        }
        List<String> events = new ArrayList<>();
        WakeBenchFalseAccepts.count(fa, picked, events);
        out.printf(Locale.ROOT, "    false accepts, %.2f h: %d%s%n", WakeBenchFalseAccepts.hours(fa), events.size(),
                events.isEmpty() ? "" : " (" + String.join("; ", events) + ")");
        out.flush();
    }
}
