package dev.attend.app.bench;

import dev.attend.encoders.audio.wake.WakeOptions;
import dev.attend.encoders.audio.wake.WakeVerifier;
import dev.attend.encoders.audio.wake.WakeVerifiers;
import dev.attend.models.Sha256;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code attend bench wake --verifier / --train-verifier}: records the candidates' windows (training voices, the
 * corpus, the detection voices), trains the per-model verifiers on the training voices and the corpus's tuning half
 * only and picks each one's candidate threshold and cut on the tuning half only, then reports every model with and
 * without its verifier on both halves.
 */
final class WakeVerifierBench {

    /** First-stage thresholds and cuts the tuning sweep tries. */
    private static final float[] CANDIDATES = {0.25f, 0.3f, 0.35f, 0.4f, 0.45f, 0.5f};
    private static final int CUTS = 19;

    private final WakeBench.Settings s;
    private final WakeVerifierRecordings rec;
    private final List<WakeCorpus.Segment> segs;
    private final PrintWriter out;
    private final PrintWriter log;
    /** The training corpus's unseen half: a tuning-side false-accept check ({@link WakeVerifierExamples#checks}). */
    private List<WakeVerifierRecordings.Recorded> checks = List.of();

    WakeVerifierBench(WakeBench.Settings s, WakeVerifierRecordings rec, List<WakeCorpus.Segment> segs,
                      PrintWriter out, PrintWriter log) {
        this.s = s;
        this.rec = rec;
        this.segs = segs;
        this.out = out;
        this.log = log;
    }

    void run() throws Exception {
        List<WakeVerifierRecordings.Recorded> train = new java.util.ArrayList<>();
        List<WakeVerifierRecordings.Recorded> extra = List.of();
        if (s.trainVerifier() != null && s.verifierCorpusHours() > 0) {
            Path dir = s.work().resolve("verifier-fa");
            extra = rec.segments(WakeCorpus.ensureTraining(dir, s.verifierCorpusHours(), WakeText.load(), log),
                    WakeWindows.TRAINING_CAPTURE);
            checks = WakeVerifierExamples.checks(extra);
        }
        if (s.trainVerifier() != null) {
            train.addAll(rec.voices(s.work().resolve("verifier"), WakeVerifierData.VOICES, WakeVerifierData.phrases(),
                    WakeVerifierData.OFFSETS, true));
            train.addAll(rec.voices(s.work().resolve("verifier-near"), WakeVerifierData.VOICES,
                    WakeVerifierData.MORE_NEAR_MISSES, WakeVerifierData.MORE_OFFSETS, true));
        }
        List<WakeVerifierRecordings.Recorded> fa = rec.segments(segs);
        List<WakeVerifierRecordings.Recorded> det = rec.voices(s.work().resolve("det"), s.voices(), WakeBench.WORDS,
                s.offsets(), false);
        if (det.isEmpty() || fa.isEmpty()) {
            out.println("  verifier: needs detection voices and corpus hours (the tuning half chooses its thresholds)");
            return;
        }
        WakeVerifierScoring scoring = new WakeVerifierScoring(s.voices(), det, fa, s.offsets());
        WakeOptions rule = s.wake().withVerify(false);
        WakeOptions base = WakeBench.baseline(rule);
        Map<String, WakeVerifier> verifiers = new LinkedHashMap<>();
        for (String model : WakeBench.WORDS.keySet()) {
            if (s.trainVerifier() != null) {
                List<WakeLogisticFit.Example> ex = WakeVerifierExamples.of(model, train, fa, extra,
                        s.verifierFloor());
                long pos = ex.stream().filter(WakeLogisticFit.Example::positive).count();
                long cpu0 = System.nanoTime();
                WakeVerifier v = WakeLogisticFit.fit(model, ex, 0.5f, 0.5f);
                log.printf(Locale.ROOT, "  verifier %s: %d positives, %d negatives, fitted in %.1f s%n", model, pos,
                        ex.size() - pos, (System.nanoTime() - cpu0) / 1e9);
                log.flush();
                v = tune(scoring, model, rule, base, v);
                Files.createDirectories(s.trainVerifier());
                Path f = s.trainVerifier().resolve("wake_verifier_" + model + ".bin");
                Files.write(f, v.toBytes());
                out.printf(Locale.ROOT, "  trained %s: candidate threshold %.2f, cut %.2f, %s SHA-256 %s%n", model,
                        v.candidate(), v.cut(), f.getFileName(), Sha256.of(v.toBytes()));
                verifiers.put(model, v);
            } else {
                verifiers.put(model, WakeVerifiers.load(model));
            }
        }
        report(scoring, rule, base, verifiers);
    }

    /**
     * The candidate threshold and cut with the most tuning pairs at every offset, then the fewest tuning false
     * accepts (never more than without), then the most clips; on a tie the strictest.
     */
    private WakeVerifier tune(WakeVerifierScoring scoring, String model, WakeOptions rule, WakeOptions base,
                              WakeVerifier v) {
        WakeVerifierScoring.Score without = scoring.score(model, rule, null, true, base);
        int withoutChecks = scoring.falseAccepts(model, rule, null, checks);
        WakeVerifier best = null;
        WakeVerifierScoring.Score bestScore = null;
        // strictest first (highest candidate threshold, highest cut): a tie on the tuning half goes to the safer one
        for (int ci = CANDIDATES.length - 1; ci >= 0; ci--) {
            float c = CANDIDATES[ci];
            for (int k = CUTS; k >= 1; k--) {
                WakeVerifier t = v.with(c, k / (CUTS + 1f));
                WakeVerifierScoring.Score sc = scoring.score(model, rule.candidates(c), t, true, base);
                int fc = checks.isEmpty() ? 0 : scoring.falseAccepts(model, rule.candidates(c), t, checks);
                if (sc.falseAccepts() + fc > without.falseAccepts() + withoutChecks
                        || sc.wrongWord() > without.wrongWord()) {
                    continue;
                }
                // the training corpus's check half counts as tuning false accepts
                sc = new WakeVerifierScoring.Score(sc.pairs(), sc.everyOffset(), sc.clipsHit(), sc.falseAccepts() + fc,
                        sc.untrainedFalseAccepts() + fc, sc.wrongWord(), sc.verifierCalls());
                if (bestScore == null || better(sc, bestScore)) {
                    best = t;
                    bestScore = sc;
                }
            }
        }
        out.printf(Locale.ROOT, "  tuning %s: without verifier %s, check half of the training corpus FA %d; picked "
                + "candidate %.2f cut %.2f: %s (FA include the check half's)%n", model, without, withoutChecks,
                best == null ? 0 : best.candidate(), best == null ? 0 : best.cut(), bestScore);
        return best == null ? v : best;
    }

    private static boolean better(WakeVerifierScoring.Score a, WakeVerifierScoring.Score b) {
        if (a.everyOffset() != b.everyOffset()) {
            return a.everyOffset() > b.everyOffset();
        }
        if (a.falseAccepts() != b.falseAccepts()) {
            return a.falseAccepts() < b.falseAccepts();
        }
        return a.clipsHit() > b.clipsHit();
    }

    private void report(WakeVerifierScoring scoring, WakeOptions rule, WakeOptions base,
                        Map<String, WakeVerifier> verifiers) {
        double hTune = 0;
        double hHeld = 0;
        for (int i = 0; i < segs.size(); i++) {
            double h = segs.get(i).seconds() / 3600;
            if (WakeSplit.segment(i)) {
                hTune += h;
            } else {
                hHeld += h;
            }
        }
        out.printf(Locale.ROOT, "%nSecond-stage verifier (%s; tuning %.2f h / held out %.2f h): every offset "
                + "(pairs), clips, false accepts, other-word fires, verifier calls%n", WakeTune.describe(rule),
                hTune, hHeld);
        int[][] tot = new int[4][5];
        for (String model : verifiers.keySet()) {
            WakeVerifier v = verifiers.get(model);
            WakeVerifierScoring.Score[] r = {
                scoring.score(model, rule, null, true, base), scoring.score(model, rule, null, false, base),
                scoring.score(model, rule.candidates(v.candidate()), v, true, base),
                scoring.score(model, rule.candidates(v.candidate()), v, false, base)};
            String[] names = {"without, tuning", "without, held out", "with, tuning", "with, held out"};
            for (int i = 0; i < 4; i++) {
                out.printf(Locale.ROOT, "  %-12s %-18s %2d/%2d pairs, %3d clips, FA %d, other %d, calls %d%n", model,
                        names[i], r[i].everyOffset(), r[i].pairs(), r[i].clipsHit(), r[i].falseAccepts(),
                        r[i].wrongWord(), r[i].verifierCalls());
                int[] a = {r[i].everyOffset(), r[i].pairs(), r[i].clipsHit(), r[i].falseAccepts(), r[i].wrongWord()};
                for (int j = 0; j < 5; j++) {
                    tot[i][j] += a[j];
                }
            }
            if (!checks.isEmpty()) {
                out.printf(Locale.ROOT, "  %-12s training corpus's check half (%d segments, never fitted on): FA without "
                        + "%d, with %d%n", model, checks.size(), scoring.falseAccepts(model, rule, null, checks),
                        scoring.falseAccepts(model, rule.candidates(v.candidate()), v, checks));
            }
        }
        String[] names = {"without, tuning", "without, held out", "with, tuning", "with, held out"};
        for (int i = 0; i < 4; i++) {
            out.printf(Locale.ROOT, "  %-12s %-18s %2d/%2d pairs, %3d clips, FA %d, other %d%n", "all", names[i],
                    tot[i][0], tot[i][1], tot[i][2], tot[i][3], tot[i][4]);
        }
        double hours = hTune + hHeld;
        out.printf(Locale.ROOT, "  false accepts, %.2f h: without %d = %.2f / h, with %d = %.2f / h%n", hours,
                tot[0][3] + tot[1][3], (tot[0][3] + tot[1][3]) / hours, tot[2][3] + tot[3][3],
                (tot[2][3] + tot[3][3]) / hours);
        cost(verifiers);
        out.flush();
    }

    /** CPU per verifier call, median of 5 rounds of 2 000 calls on one thread. */
    private void cost(Map<String, WakeVerifier> verifiers) {
        WakeVerifier v = verifiers.values().iterator().next();
        float[] w = new float[WakeVerifier.FEATURES - 1];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) Math.sin(i);
        }
        var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] ns = new long[5];
        double sink = 0;
        for (int r = 0; r < ns.length; r++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < 2000; i++) {
                sink += v.probability(w, 0.5f);
            }
            ns[r] = cpu.getCurrentThreadCpuTime() - t0;
        }
        java.util.Arrays.sort(ns);
        out.printf(Locale.ROOT, "  verifier cost: %.2f us CPU per call (median of 5 x 2000; checksum %.3f)%n",
                ns[2] / 2000.0 / 1e3, sink % 1);
    }
}
