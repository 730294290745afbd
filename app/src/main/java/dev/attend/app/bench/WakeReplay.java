package dev.attend.app.bench;

import dev.attend.encoders.audio.features.TokenBlock;
import dev.attend.encoders.audio.wake.PhaseScores;
import dev.attend.encoders.audio.wake.WakeDecider;
import dev.attend.encoders.audio.wake.WakeOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Replays recorded raw scores ({@link WakeRawScores}) through a scoring rule exactly as the wake-word stage would
 * score them online: the rule's phases (a subset of the recorded ones), its gate per head (phase-0 score or the
 * previous block's best), the k-th best phase ({@link WakeOptions#votes}) through a {@link WakeDecider}. Also counts
 * the embedding calls the rule would have made (phase 0 every block, plus each opened phase's catch-up), which is
 * what the extra phases cost.
 */
final class WakeReplay {

    private WakeReplay() {
    }

    /** One clip under one rule. */
    record Outcome(List<List<WakeDecider.Detection>> detections, float[][] peakPerPhase, long embeddingCalls) {
    }

    /** A second stage asked where a run would fire: head, block, the block's best phase (recorded index), its score. */
    @FunctionalInterface
    interface Check {
        boolean accepts(int head, int block, int phase, float score);
    }

    /** @throws IllegalArgumentException when the rule needs phases or a gate the recording does not have */
    static Outcome replay(WakeRawScores raw, WakeRawScores.Clip clip, WakeOptions rule) {
        return replay(raw, clip, rule, null);
    }

    /** As {@link #replay(WakeRawScores, WakeRawScores.Clip, WakeOptions)}, firing only where {@code check} accepts. */
    static Outcome replay(WakeRawScores raw, WakeRawScores.Clip clip, WakeOptions rule, Check check) {
        int rec = raw.phases();
        int ph = rule.phases();
        if (rec % ph != 0 || (rule.phaseGate() < raw.gate() - 1e-12 && ph > 1)) {
            throw new IllegalArgumentException("recorded " + rec + " phases gate " + raw.gate() + " cannot replay "
                    + ph + " phases gate " + rule.phaseGate());
        }
        int step = rec / ph;
        int heads = raw.heads().size();
        List<List<WakeDecider.Detection>> out = new ArrayList<>();
        float[][] peaks = new float[heads][ph];
        boolean[][] computed = new boolean[ph][clip.blocks()];
        long calls = clip.blocks();
        for (int h = 0; h < heads; h++) {
            WakeDecider d = new WakeDecider(rule.forModel(raw.heads().get(h)));
            List<WakeDecider.Detection> dets = new ArrayList<>();
            long[] last = new long[ph];
            Arrays.fill(last, -1);
            float lastBest = 0;
            for (int b = 0; b < clip.blocks(); b++) {
                float[] row = clip.scores()[b];
                float[] s = new float[ph];
                double[] t = new double[ph];
                Arrays.fill(s, Float.NaN);
                Arrays.fill(t, Double.NaN);
                s[0] = row[h];
                t[0] = clip.t0()[b];
                boolean open = ph > 1 && (rule.phaseGate() <= 0 || s[0] >= rule.phaseGate()
                        || lastBest >= rule.phaseGate());
                for (int p = 1; p < ph && open; p++) {
                    s[p] = row[p * step * heads + h];
                    t[p] = clip.t0()[b] - p * step * 0.01;
                    for (long k = Math.max(last[p] + 1, b - TokenBlock.MAX_BACK); k <= b; k++) {
                        if (!computed[p][(int) k]) {
                            computed[p][(int) k] = true;
                            calls++;
                        }
                    }
                    last[p] = b;
                }
                PhaseScores ps = new PhaseScores(b, t, s);
                int best = ps.best();
                lastBest = best < 0 ? 0 : s[best];
                for (int p = 0; p < ph; p++) {
                    if (!Float.isNaN(s[p])) {
                        peaks[h][p] = Math.max(peaks[h][p], s[p]);
                    }
                }
                if (best >= 0) {
                    int head = h;
                    int block = b;
                    add(dets, check == null ? d.accept(t[best], ps.kth(rule.votes()))
                            : d.accept(t[best], ps.kth(rule.votes()),
                                    () -> check.accepts(head, block, best * step, s[best])));
                }
            }
            add(dets, d.finish());
            out.add(dets);
        }
        return new Outcome(out, peaks, calls);
    }

    private static void add(List<WakeDecider.Detection> list, WakeDecider.Detection d) {
        if (d != null) {
            list.add(d);
        }
    }
}
