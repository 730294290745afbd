package dev.attend.app.bench;

import dev.attend.encoders.audio.wake.WakeOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code attend bench wake --tune}: sweeps scoring rules (phases, gate, votes, patience, threshold) over the recorded
 * raw scores of a tuning split, picks the rule that detects the most detectable voice × word pairs at every offset
 * with no more false accepts than openWakeWord, and reports it, the trade-off curve and openWakeWord on the held-out
 * split ({@link WakeSplit}: voices and corpus segments disjoint, earlier sessions' tuning voices never held out).
 */
final class WakeTune {

    private static final int[] PHASES = {2, 4, 8};
    private static final double[] GATES = {0.01, 0.05, 0.1};
    private static final int[] VOTES = {1, 2, 3};
    private static final int[] PATIENCE = {1, 2, 3};

    private final List<String> voices;
    private final List<WakeRawScores> det;
    private final List<WakeRawScores> fa;
    private final int offsets;
    private final WakeOptions base;
    private final PrintWriter out;
    private final boolean[] tuneVoice;

    WakeTune(List<String> voices, List<WakeRawScores> det, List<WakeRawScores> fa, int offsets, WakeOptions rule,
             PrintWriter out) {
        this.voices = voices;
        this.det = det;
        this.fa = fa;
        this.offsets = offsets;
        this.base = rule;
        this.out = out;
        this.tuneVoice = WakeSplit.voices(voices);
    }

    /** One rule's figures on one split. */
    record Score(int pairs, int everyOffset, int clipsHit, int clips, int falseAccepts, double hours,
                 double callsPerBlock) {

        double perHour() {
            return falseAccepts / hours;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%2d/%2d every offset, %4d/%4d clips, FA %2d = %.2f/h, %.3f emb/block",
                    everyOffset, pairs, clipsHit, clips, falseAccepts, perHour(), callsPerBlock);
        }
    }

    record Row(WakeOptions rule, Score tune, Score held) {
    }

    private boolean tuning(int i, boolean voice) {
        return voice ? tuneVoice[i] : WakeSplit.segment(i);
    }

    void run() {
        List<Row> rows = new ArrayList<>();
        WakeOptions oww = WakeBench.baseline(base);
        Score owwTune = score(oww, true);
        Score owwHeld = score(oww, false);
        for (int p : PHASES) {
            for (double g : GATES) {
                for (int k : VOTES) {
                    for (int pat : PATIENCE) {
                        for (int t = 40; t <= 95; t += 5) {
                            if (k > p) {
                                continue;
                            }
                            WakeOptions r = new WakeOptions(t / 100.0, pat, base.refractorySeconds(), p,
                                    Math.min(g, t / 100.0), k);
                            rows.add(new Row(r, score(r, true), null));
                        }
                    }
                }
            }
        }
        // the curve: per false-accept count on the tuning split, the rule detecting most pairs at every offset
        // (then most clips, then the cheapest)
        Comparator<Row> better = Comparator.<Row>comparingInt(r -> r.tune().everyOffset())
                .thenComparingInt(r -> r.tune().clipsHit())
                .thenComparing(r -> -r.tune().callsPerBlock());
        List<Row> curve = new ArrayList<>();
        int maxFa = rows.stream().mapToInt(r -> r.tune().falseAccepts()).max().orElse(0);
        for (int f = 0; f <= maxFa; f++) {
            final int ff = f;
            rows.stream().filter(r -> r.tune().falseAccepts() == ff).max(better).ifPresent(r -> {
                if (curve.isEmpty() || better.compare(r, curve.get(curve.size() - 1)) > 0) {
                    curve.add(new Row(r.rule(), r.tune(), score(r.rule(), false)));
                }
            });
        }
        out.printf(Locale.ROOT, "%nTuning: %d rules on the tuning split (%d voices, %.2f h), each frontier rule also on "
                + "the held-out split (%d voices, %.2f h)%n", rows.size(), count(true, true), hours(true),
                count(true, false), hours(false));
        List<String> held = new ArrayList<>();
        for (int v = 0; v < voices.size(); v++) {
            if (!tuneVoice[v]) {
                held.add(voices.get(v));
            }
        }
        out.println("  held-out voices: " + String.join(", ", held) + "; held-out segments: the odd ones");
        out.println("  openWakeWord (1 phase, 0.50): tuning " + owwTune + "; held-out " + owwHeld);
        out.println("  trade-off curve (best rule per false-accept count on the tuning split):");
        for (Row r : curve) {
            out.printf(Locale.ROOT, "    %-34s tuning %s%n    %-34s held-out %s%n", describe(r.rule()), r.tune(), "",
                    r.held());
        }
        Row pick = curve.stream().filter(r -> r.tune().falseAccepts() <= owwTune.falseAccepts())
                .reduce((a, b) -> b).orElse(curve.get(0));
        out.printf(Locale.ROOT, "  picked (most pairs at every offset with no more tuning false accepts than "
                + "openWakeWord): %s%n    held-out: %s%n    openWakeWord held-out: %s%n", describe(pick.rule()),
                pick.held(), owwHeld);
        // the same choice at the threshold asked for (the app's default 0.5 unless --threshold): what the setting means
        rows.stream().filter(r -> Math.abs(r.rule().threshold() - base.threshold()) < 1e-9
                        && r.tune().falseAccepts() <= owwTune.falseAccepts()).max(better)
                .ifPresent(r -> out.printf(Locale.ROOT, "  picked at threshold %.2f: %s%n    tuning:   %s%n    "
                        + "held-out: %s%n", base.threshold(), describe(r.rule()), r.tune(), score(r.rule(), false)));
        out.printf(Locale.ROOT, "  the rule asked for (%s):%n    tuning:   %s%n    held-out: %s%n", describe(base),
                score(base, true), score(base, false));
        List<WakeDetectionReport.VoiceResult> heldOut = new ArrayList<>();
        for (int v = 0; v < det.size(); v++) {
            if (!tuning(v, true)) {
                heldOut.add(WakeBenchDetection.voice(voices.get(v), det.get(v), offsets, oww, base));
            }
        }
        out.println("  held-out voices under the rule asked for:");
        WakeDetectionReport.print(heldOut, offsets, base.phases(), out);
        out.flush();
    }

    static String describe(WakeOptions r) {
        return String.format(Locale.ROOT, "p%d gate %.2f votes %d patience %d%s t %.2f%s", r.phases(), r.phaseGate(),
                r.votes(), r.patience(), r.extraPatience().isEmpty() ? "" : " +" + r.extraPatience(), r.threshold(),
                r.thresholdShift().isEmpty() ? "" : " +" + r.thresholdShift());
    }

    private int count(boolean voice, boolean tune) {
        int n = 0;
        for (int i = 0; i < (voice ? det.size() : fa.size()); i++) {
            n += tuning(i, voice) == tune ? 1 : 0;
        }
        return n;
    }

    private double hours(boolean tune) {
        List<WakeRawScores> part = new ArrayList<>();
        for (int i = 0; i < fa.size(); i++) {
            if (tuning(i, false) == tune) {
                part.add(fa.get(i));
            }
        }
        return WakeBenchFalseAccepts.hours(part);
    }

    Score score(WakeOptions rule, boolean tune) {
        WakeOptions oww = WakeBench.baseline(base);
        int pairs = 0;
        int every = 0;
        int hit = 0;
        int clips = 0;
        for (int v = 0; v < det.size(); v++) {
            if (tuning(v, true) != tune) {
                continue;
            }
            WakeDetectionReport.VoiceResult r = WakeBenchDetection.voice(voices.get(v), det.get(v), offsets, oww,
                    rule);
            for (int w = 0; w < r.single().size(); w++) {
                String a = r.robust().get(w);
                hit += (int) a.chars().filter(c -> c == 'x').count();
                clips += a.length();
                if (r.single().get(w).indexOf('x') >= 0) {
                    pairs++;
                    every += a.indexOf('.') < 0 ? 1 : 0;
                }
            }
        }
        List<WakeRawScores> part = new ArrayList<>();
        for (int i = 0; i < fa.size(); i++) {
            if (tuning(i, false) == tune) {
                part.add(fa.get(i));
            }
        }
        int falseAccepts = 0;
        long calls = 0;
        long blocks = 0;
        for (WakeRawScores raw : part) {
            for (WakeRawScores.Clip c : raw.clips()) {
                WakeReplay.Outcome o = WakeReplay.replay(raw, c, rule);
                falseAccepts += o.detections().stream().mapToInt(List::size).sum();
                calls += o.embeddingCalls();
                blocks += c.blocks();
            }
        }
        return new Score(pairs, every, hit, clips, falseAccepts, WakeBenchFalseAccepts.hours(part),
                calls / (double) Math.max(1, blocks));
    }
}
