package dev.attend.fusion.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** Attention biases from key masks and media times, and masked mean pooling. */
public final class Masks {

    /** Bias for masked keys; large but finite, so a fully masked row stays finite (uniform) instead of NaN. */
    public static final float MASKED = -1e9f;
    /** Times closer than this count as simultaneous (the token grid is 80 ms). */
    private static final float SAME_TIME = 1e-3f;

    private Masks() {
    }

    /**
     * (B,1,Tq,Tk): 0 where query q may attend to key k, {@link #MASKED} where k is padding or (causal) later than q.
     *
     * @param queryTimes (B,Tq) seconds
     * @param keyTimes   (B,Tk) seconds
     * @param keyMask    (B,Tk) 1 = real key, 0 = padding
     */
    public static NDArray bias(NDArray queryTimes, NDArray keyTimes, NDArray keyMask, boolean causal) {
        long b = keyMask.getShape().get(0);
        long tq = queryTimes.getShape().get(1);
        long tk = keyTimes.getShape().get(1);
        NDArray ok = keyMask.reshape(b, 1, 1, tk);
        if (causal) {
            NDArray past = keyTimes.reshape(b, 1, 1, tk)
                    .lte(queryTimes.reshape(b, 1, tq, 1).add(Const.of(queryTimes, SAME_TIME)))
                    .toType(DataType.FLOAT32, false);
            ok = ok.mul(past);
        }
        return ok.sub(Const.of(ok, 1f)).mul(Const.of(ok, -MASKED));
    }

    /** (B,1,Tq,Tk) seconds between each query and key, |t_q − t_k| (no gradient flows into times). */
    public static NDArray seconds(NDArray queryTimes, NDArray keyTimes) {
        long b = queryTimes.getShape().get(0);
        long tq = queryTimes.getShape().get(1);
        long tk = keyTimes.getShape().get(1);
        return queryTimes.reshape(b, 1, tq, 1).sub(keyTimes.reshape(b, 1, 1, tk)).abs();
    }

    /** Mean of x (B,T,D) over the real tokens of mask (B,T) → (B,D); all-padding rows give 0. */
    public static NDArray pool(NDArray x, NDArray mask) {
        NDArray m = mask.expandDims(2);
        NDArray count = mask.sum(new int[] {1}, true).maximum(Const.of(mask, 1f));
        return x.mul(m).sum(new int[] {1}).div(count);
    }
}
