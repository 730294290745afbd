package dev.attend.fusion.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import dev.attend.fusion.model.Const;
import dev.attend.fusion.model.FusionNet;
import dev.attend.fusion.model.SlotWords;

/**
 * The fusion losses. Every constant is a libtorch-owned scalar ({@link Const}), never a Java number operand.
 *
 * <ul>
 *   <li>sync and addressee: binary cross-entropy with logits</li>
 *   <li>intent: cross-entropy; for models with slot heads plus the cross-entropy of each slot head (action,
 *       duration number, duration unit; class 0 = no such slot), in the same uncertainty-weighted term</li>
 *   <li>alignment: −log of the text→audio attention mass (mean over heads, last cross layer) inside each word's span</li>
 *   <li>contrastive: InfoNCE with temperature τ, audio↔video (in-batch and time-shifted videos as negatives) plus
 *       audio↔text (symmetric), on the projection heads of the single-modality encoders</li>
 * </ul>
 * Combined by uncertainty weighting ½·Σ[exp(−sᵢ)·Lᵢ + sᵢ] with learned sᵢ (output {@link FusionNet#LOG_VARS}).
 */
public final class FusionLoss {

    /** Task names in loss order; {@code word} only for models with a word head. */
    public static final String[] NAMES = {"sync", "addressee", "intent", "alignment", "contrastive", "word"};

    private final float temperature;
    private final int textAudioIndex;
    private final int slotIndex;
    private int wordIndex = -1;

    public FusionLoss(float temperature, int textAudioIndex) {
        this(temperature, textAudioIndex, -1);
    }

    /** @param slotIndex the slot logits' output index, or −1 (no slot heads) */
    public FusionLoss(float temperature, int textAudioIndex, int slotIndex) {
        this.temperature = temperature;
        this.textAudioIndex = textAudioIndex;
        this.slotIndex = slotIndex;
    }

    /** Scores the word head's output at {@code index} (its cross-entropy becomes the sixth task). */
    public FusionLoss withWords(int index) {
        this.wordIndex = index;
        return this;
    }

    /** The task losses (each a 0-d array) in {@link #NAMES} order: five, six with a word head. */
    public NDArray[] parts(NDList pred, NDList y) {
        NDArray bceSync = bce(pred.get(FusionNet.SYNC), y.get(Targets.SYNC));
        NDArray bceAddr = bce(pred.get(FusionNet.ADDRESSEE), y.get(Targets.ADDRESSEE));
        NDArray logits = pred.get(FusionNet.INTENT);
        NDArray ce = logits.logSoftmax(1).mul(y.get(Targets.INTENT).oneHot((int) logits.getShape().get(1)))
                .sum(new int[] {1}).neg().mean();
        if (slotIndex >= 0) {
            ce = ce.add(slots(pred.get(slotIndex), y.get(Targets.SLOTS)));
        }
        if (wordIndex >= 0) { // intent from the words heard alone, on every window (not only those without text)
            NDArray heard = pred.get(wordIndex + 1);
            ce = ce.add(heard.logSoftmax(1).mul(y.get(Targets.INTENT).oneHot((int) heard.getShape().get(1)))
                    .sum(new int[] {1}).neg().mean());
        }
        NDArray[] five = {bceSync, bceAddr, ce, alignment(pred, y), contrastive(pred, y)};
        return wordIndex < 0 ? five : new NDArray[] {five[0], five[1], five[2], five[3], five[4], words(pred, y)};
    }

    /** Cross-entropy of the word head per audio token, mean over the scored (real) tokens. */
    NDArray words(NDList pred, NDList y) {
        NDArray logits = pred.get(wordIndex);
        NDArray mask = y.get(Targets.WORD_MASK);
        NDArray ce = logits.logSoftmax(2).mul(y.get(Targets.WORDS).oneHot((int) logits.getShape().get(2)))
                .sum(new int[] {2}).neg();
        return ce.mul(mask).sum().div(mask.sum().maximum(Const.of(mask, 1f)));
    }

    /** Sum over the slot heads of their cross-entropy. */
    private static NDArray slots(NDArray logits, NDArray labels) {
        NDArray total = null;
        int from = 0;
        int[] sizes = SlotWords.HEAD_SIZES;
        for (int k = 0; k < sizes.length; k++) {
            NDArray part = logits.get(":, " + from + ":" + (from + sizes[k]));
            NDArray ce = part.logSoftmax(1).mul(labels.get(":, " + k).oneHot(sizes[k])).sum(new int[] {1}).neg().mean();
            total = total == null ? ce : total.add(ce);
            from += sizes[k];
        }
        return total;
    }

    /** Pre-training objective: the contrastive loss (plus the word head's, which needs no fused encoder). */
    public NDArray pretraining(NDList pred, NDList y) {
        NDArray c = contrastive(pred, y);
        return wordIndex < 0 ? c : c.add(words(pred, y));
    }

    /** ½·Σ[exp(−sᵢ)·Lᵢ + sᵢ]. */
    public NDArray weighted(NDArray[] parts, NDArray logVars) {
        NDArray total = null;
        for (int i = 0; i < parts.length; i++) {
            NDArray s = logVars.get(i);
            NDArray term = parts[i].mul(s.neg().exp()).add(s);
            total = total == null ? term : total.add(term);
        }
        return total.mul(Const.of(total, 0.5f));
    }

    static NDArray bce(NDArray logit, NDArray label) {
        return Activation.softPlus(logit).sub(logit.mul(label)).mean();
    }

    private NDArray alignment(NDList pred, NDList y) {
        NDArray w = pred.get(textAudioIndex).mean(new int[] {1}); // (B,Tt,Ta)
        NDArray target = y.get(Targets.ALIGN);
        NDArray rows = target.sum(new int[] {2}).gt(Const.of(target, 0f)).toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
        NDArray mass = w.mul(target).sum(new int[] {2}).add(Const.of(w, 1e-6f));
        NDArray n = rows.sum().maximum(Const.of(rows, 1f));
        return mass.log().neg().mul(rows).sum().div(n);
    }

    private NDArray contrastive(NDList pred, NDList y) {
        NDArray av = infoNce(pred.get(FusionNet.Z_AUDIO_VIDEO), pred.get(FusionNet.Z_VIDEO),
                y.get(Targets.AV_ANCHOR), y.get(Targets.AV_COLUMNS), null);
        NDArray at = infoNce(pred.get(FusionNet.Z_AUDIO_TEXT), pred.get(FusionNet.Z_TEXT),
                y.get(Targets.AT_ANCHOR), null, y.get(Targets.AT_POSITIVE));
        return av.add(at);
    }

    /**
     * Mean over anchor rows of −log(Σ_positive softmax / Σ_candidates); anchors→candidates and (for text, where
     * both sides are anchors) candidates→anchors, averaged.
     *
     * @param columns  (B,B) allowed candidates per anchor, or null = the other anchors
     * @param positive (B,B) positives, or null = the diagonal
     */
    private NDArray infoNce(NDArray za, NDArray zb, NDArray anchor, NDArray columns, NDArray positive) {
        NDArray sim = unit(za).matMul(unit(zb).transpose()).div(Const.of(za, temperature));
        long b = sim.getShape().get(0);
        NDArray eye = sim.getManager().eye((int) b);
        NDArray pos = positive == null ? eye : positive;
        NDArray cand = columns == null ? anchor.reshape(1, b).mul(anchor.reshape(b, 1)) : columns;
        NDArray n = anchor.sum().maximum(Const.of(anchor, 1f));
        NDArray rowLoss = lse(sim, cand, 1).sub(lse(sim, pos.mul(cand), 1)).mul(anchor);
        NDArray loss = rowLoss.sum().div(n);
        if (columns == null) {
            NDArray colLoss = lse(sim, cand, 0).sub(lse(sim, pos.mul(cand), 0)).mul(anchor);
            loss = loss.add(colLoss.sum().div(n)).mul(Const.of(loss, 0.5f));
        }
        return loss;
    }

    /** log Σ exp over the entries where mask is 1 (others pushed to −1e9). */
    private static NDArray lse(NDArray sim, NDArray mask, int axis) {
        NDArray masked = sim.add(mask.sub(Const.of(mask, 1f)).mul(Const.of(mask, 1e9f)));
        NDArray max = masked.max(new int[] {axis}, true).stopGradient();
        return masked.sub(max).exp().sum(new int[] {axis}).log().add(max.squeeze(axis));
    }

    static NDArray unit(NDArray z) {
        return z.div(z.square().sum(new int[] {1}, true).add(Const.of(z, 1e-8f)).sqrt());
    }
}
