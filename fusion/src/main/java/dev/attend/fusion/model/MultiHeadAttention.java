package dev.attend.fusion.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

/**
 * Multi-head scaled dot-product attention from NDArray operations, so that the weights and the pre-softmax scores
 * are outputs, not hidden state.
 *
 * <pre>
 * inputs : query (B,Tq,D), keyValue (B,Tk,D), bias (B,1,Tq,Tk): 0 = may attend, −1e9 = masked (padding, future)
 *          [, seconds (B,1,Tq,Tk) = |t_q − t_k| when the layer uses relative time]
 * outputs: out (B,Tq,D), weights (B,H,Tq,Tk) = softmax(scores + bias), scores (B,H,Tq,Tk) = QKᵀ/√d_k − slope_h·seconds
 * </pre>
 *
 * <p>Relative time (ALiBi in seconds): head h's scores fall by {@code slope_h} per second between query and key, with
 * {@code slope_h = base_h · exp(p_h)}, {@code base_h} geometric from {@link #MIN_SLOPE} to {@link #MAX_SLOPE} per
 * second and {@code p_h} learned (starting at 0), so some heads look at the same moment and others over the window.
 * Keys then do not depend on where a window starts, which is what lets streaming cache them.
 */
public final class MultiHeadAttention extends AbstractBlock {

    private final int dModel;
    private final int heads;
    private final int dk;
    private final Linear wq;
    private final Linear wk;
    private final Linear wv;
    private final Linear wo;
    private final Parameter slopeLog;
    private final float[] baseSlopes;

    /** Per-second score penalty of the most patient and the most local head at the start of training. */
    public static final float MIN_SLOPE = 0.5f;
    public static final float MAX_SLOPE = 32f;

    public MultiHeadAttention(int dModel, int heads) {
        this(dModel, heads, false);
    }

    public MultiHeadAttention(int dModel, int heads, boolean relativeTime) {
        super((byte) 1);
        if (dModel % heads != 0) {
            throw new IllegalArgumentException("dModel " + dModel + " is not a multiple of heads " + heads);
        }
        this.dModel = dModel;
        this.heads = heads;
        this.dk = dModel / heads;
        wq = addChildBlock("wq", Linear.builder().setUnits(dModel).build());
        wk = addChildBlock("wk", Linear.builder().setUnits(dModel).build());
        wv = addChildBlock("wv", Linear.builder().setUnits(dModel).build());
        wo = addChildBlock("wo", Linear.builder().setUnits(dModel).build());
        if (relativeTime) {
            slopeLog = addParameter(Parameter.builder().setName("slopeLog").setType(Parameter.Type.OTHER)
                    .optShape(new Shape(heads)).optInitializer(new ConstantInitializer(0f)).build());
            baseSlopes = new float[heads];
            for (int h = 0; h < heads; h++) {
                baseSlopes[h] = (float) (heads == 1 ? MIN_SLOPE
                        : MIN_SLOPE * Math.pow(MAX_SLOPE / MIN_SLOPE, h / (double) (heads - 1)));
            }
        } else {
            slopeLog = null;
            baseSlopes = null;
        }
    }

    /** (1,H,1,1) per-second penalties of the heads, on {@code like}'s manager; null without relative time. */
    NDArray slopes(ParameterStore ps, NDArray like, boolean training) {
        if (slopeLog == null) {
            return null;
        }
        NDArray p = ps.getValue(slopeLog, like.getDevice(), training);
        // base × exp(p); exp(p) would land on the parameter's manager (a leak per call): move it to the caller's
        // (batch) manager, where the Java-made base also stays open until after backward
        NDArray e = p.exp();
        e.attach(like.getManager());
        return like.getManager().create(baseSlopes).mul(e).reshape(1, heads, 1, 1);
    }

    /** wq, wk, wv, wo, for the plain-Java streaming step ({@link RowLayer}). */
    Linear[] projections() {
        return new Linear[] {wq, wk, wv, wo};
    }

    int heads() {
        return heads;
    }

    /** The heads' per-second penalties {@code base_h · exp(p_h)} as trained; null without relative time. */
    float[] slopeValues() {
        if (slopeLog == null) {
            return null;
        }
        float[] p = slopeLog.getArray().toFloatArray();
        float[] s = new float[heads];
        for (int h = 0; h < heads; h++) {
            s[h] = baseSlopes[h] * (float) Math.exp(p[h]);
        }
        return s;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
        NDArray[] kv = keysValues(ps, in.get(1), training);
        return attend(ps, in.get(0), kv[0], kv[1], in.get(2), in.size() > 3 ? in.get(3) : null, training);
    }

    /**
     * Keys, transposed (B,H,d_k,Tk), and values (B,H,Tk,d_k) of key/value rows (B,Tk,D).
     */
    NDArray[] keysValues(ParameterStore ps, NDArray kv, boolean training) {
        long b = kv.getShape().get(0);
        long tk = kv.getShape().get(1);
        NDArray k = wk.forward(ps, new NDList(kv), training).head();
        return new NDArray[] {tk == 1 ? k.reshape(b, heads, dk, 1) : split(k, b, tk).transpose(0, 1, 3, 2),
            split(wv.forward(ps, new NDList(kv), training).head(), b, tk)};
    }

    /**
     * Query rows (B,Tq,D) over projected keys (transposed) and values; {@code bias} (B,1,Tq,Tk) or null (nothing
     * masked), {@code seconds} as in the inputs or null. Returns out, weights, scores.
     */
    NDList attend(ParameterStore ps, NDArray q, NDArray khT, NDArray vh, NDArray bias, NDArray seconds,
                  boolean training) {
        long b = q.getShape().get(0);
        long tq = q.getShape().get(1);
        NDArray qh = split(wq.forward(ps, new NDList(q), training).head(), b, tq);
        NDArray scores = qh.matMul(khT).mul(Const.of(qh, (float) (1.0 / Math.sqrt(dk))));
        if (slopeLog != null) {
            scores = scores.sub(seconds.mul(slopes(ps, scores, training)));
        }
        NDArray weights = (bias == null ? scores : scores.add(bias)).softmax(-1);
        NDArray ctx = tq == 1 ? weights.matMul(vh).reshape(b, 1, dModel)
                : weights.matMul(vh).transpose(0, 2, 1, 3).reshape(b, tq, dModel);
        NDArray out = wo.forward(ps, new NDList(ctx), training).head();
        return new NDList(out, weights, scores);
    }

    private NDArray split(NDArray x, long b, long t) {
        // one row (streaming): moving a length-1 axis is only a reshape, one JNI call fewer
        return t == 1 ? x.reshape(b, heads, 1, dk) : x.reshape(b, t, heads, dk).transpose(0, 2, 1, 3);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] s) {
        Shape att = new Shape(s[0].get(0), heads, s[0].get(1), s[1].get(1));
        return new Shape[] {s[0], att, att};
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType dt, Shape... s) {
        wq.initialize(m, dt, s[0]);
        wk.initialize(m, dt, s[1]);
        wv.initialize(m, dt, s[1]);
        wo.initialize(m, dt, new Shape(s[0].get(0), s[0].get(1), dModel));
    }
}
