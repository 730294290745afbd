package dev.attend.fusion.eval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attend.fusion.model.SlotWords;

/**
 * The slot heads' accuracy from audio alone, as the assistant uses them (the intent being known):
 * {@code slotActionAccuracy} — timer and note commands, the most likely sub-action of that intent's ones;
 * {@code slotNumberAccuracy}, {@code slotUnitAccuracy} and {@code slotDurationAccuracy} (the joint number × unit
 * with the highest product of probabilities gives the right seconds) — timer commands that name a duration.
 */
final class SlotScores {

    private static final int A = SlotWords.HEAD_SIZES[0];
    private static final int N = SlotWords.HEAD_SIZES[1];
    private static final int U = SlotWords.HEAD_SIZES[2];
    private int actions;
    private int actionHits;
    private int durations;
    private int numberHits;
    private int unitHits;
    private int durationHits;

    /** Row {@code row} of the (B, S) slot logits, for an utterance of this text and intent. */
    void add(float[] logits, int row, String text, String intent) {
        int[] truth = SlotWords.labels(text, intent);
        int off = row * (A + N + U);
        if (truth[0] != 0) {
            int from = "timer".equals(intent) ? 1 : 4; // timers: set/list/cancel; notes: create/last/today
            actions++;
            actionHits += argMax(logits, off + from, 3) + from == truth[0] ? 1 : 0;
        }
        if (truth[1] != 0 && truth[2] != 0) {
            durations++;
            int n = argMax(logits, off + A + 1, N - 1) + 1;
            int u = argMax(logits, off + A + N + 1, U - 1) + 1;
            numberHits += n == truth[1] ? 1 : 0;
            unitHits += u == truth[2] ? 1 : 0;
            // one softmax per head: the joint maximum is the product of each head's maximum
            durationHits += SlotWords.seconds(n, u) == SlotWords.seconds(truth[1], truth[2]) ? 1 : 0;
        }
    }

    void report(ObjectNode r) {
        r.put("slotActionAccuracy", ratio(actionHits, actions));
        r.put("slotActionCommands", actions);
        r.put("slotNumberAccuracy", ratio(numberHits, durations));
        r.put("slotUnitAccuracy", ratio(unitHits, durations));
        r.put("slotDurationAccuracy", ratio(durationHits, durations));
        r.put("slotDurationCommands", durations);
    }

    private static double ratio(int hits, int n) {
        return n == 0 ? Double.NaN : Math.round(hits * 10000.0 / n) / 10000.0;
    }

    private static int argMax(float[] v, int from, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (v[from + i] > v[from + best]) {
                best = i;
            }
        }
        return best;
    }
}
