package dev.attend.encoders.audio.wake;

import dev.attend.encoders.audio.AudioModels;
import dev.attend.encoders.audio.features.AudioToken;
import dev.attend.encoders.audio.features.TokenBlock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One wake-word head over every block phase: keeps each phase's last 16 tokens (tokens 80 ms apart, the phases
 * interleaved) and scores them per block. Phase 0 is scored in every block; the others only where the gate is open
 * (phase-0 score, or the previous block's best, at or above it), their histories then caught up from the
 * {@link TokenBlock}'s look-back, so a gated score equals the always-computed one. Does not own the model.
 * Not thread-safe.
 */
public final class WakeScorer {

    private static final int W = AudioModels.WAKE_WINDOW;
    private static final int D = AudioToken.DIM;

    private final WakeWordModel net;
    private final int phases;
    private final float[][] history;
    private final long[] last;
    private final long[] seen;
    private final double gate;
    private float lastBest;

    /**
     * @param phases phases to score (the block's own count caps it)
     * @param gate   score that opens the other phases (0 = always open)
     */
    public WakeScorer(WakeWordModel net, int phases, double gate) {
        this.net = Objects.requireNonNull(net);
        this.phases = phases;
        this.gate = gate;
        this.history = new float[phases][W * D];
        this.last = new long[phases];
        this.seen = new long[phases];
        Arrays.fill(last, -1);
    }

    /** Starts every phase's history from these embeddings (oldest first; see {@code TokenConsumer#prime}). */
    public void prime(List<float[]> primer) {
        int n = Math.min(primer.size(), W);
        for (int p = 0; p < phases; p++) {
            for (int k = 0; k < n; k++) {
                System.arraycopy(primer.get(primer.size() - n + k), 0, history[p], (W - n + k) * D, D);
            }
            seen[p] = n;
        }
    }

    /** With the options' phases and gate. */
    public WakeScorer(WakeWordModel net, WakeOptions options) {
        this(net, options.phases(), options.phaseGate());
    }

    /**
     * Scores phase 0 and, where the gate is open, every other phase, each after adding this block's token of that
     * phase (and any it missed) to its history. Unscored phases are NaN.
     */
    public PhaseScores score(TokenBlock block) {
        int n = Math.min(phases, block.phases());
        double[] t = new double[n];
        float[] s = new float[n];
        Arrays.fill(s, Float.NaN);
        Arrays.fill(t, Double.NaN);
        scorePhase(block, 0, t, s);
        boolean open = gate <= 0 || s[0] >= gate || lastBest >= gate;
        for (int p = 1; p < n && open; p++) {
            scorePhase(block, p, t, s);
        }
        PhaseScores result = new PhaseScores(block.index(), t, s);
        int best = result.best();
        lastBest = best < 0 ? 0 : s[best];
        return result;
    }

    private void scorePhase(TokenBlock block, int p, double[] t, float[] s) {
        AudioToken now = block.token(p, 0);
        if (now != null) { // else this phase's window would start before the stream: nothing to add yet
            // catch up on blocks this phase did not see (none when every block is scored)
            long missed = Math.min(block.index() - last[p] - 1, TokenBlock.MAX_BACK);
            for (long back = missed; back >= 1; back--) {
                AudioToken old = block.token(p, (int) back);
                if (old != null) {
                    append(p, old);
                }
            }
            append(p, now);
            last[p] = block.index();
            t[p] = now.t();
            if (seen[p] >= W) {
                s[p] = net.score(history[p]);
            }
        }
    }

    /**
     * A copy of phase {@code p}'s current history (16 × 96, oldest first, flattened): what the head scored last in
     * that phase, and what the second-stage {@link WakeVerifier} reads.
     */
    public float[] window(int p) {
        return history[p].clone();
    }

    private void append(int p, AudioToken token) {
        float[] h = history[p];
        System.arraycopy(h, D, h, 0, h.length - D);
        System.arraycopy(token.vector(), 0, h, h.length - D, D);
        seen[p]++;
    }
}
