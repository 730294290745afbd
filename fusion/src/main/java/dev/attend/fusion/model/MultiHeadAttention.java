package dev.attend.fusion.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Multi-head scaled dot-product attention from NDArray operations, so that the weights and the pre-softmax scores
 * are outputs, not hidden state.
 *
 * <pre>
 * inputs : query (B,Tq,D), keyValue (B,Tk,D), bias (B,1,Tq,Tk): 0 = may attend, −1e9 = masked (padding, future)
 * outputs: out (B,Tq,D), weights (B,H,Tq,Tk) = softmax(scores + bias), scores (B,H,Tq,Tk) = QKᵀ/√d_k
 * </pre>
 */
public final class MultiHeadAttention extends AbstractBlock {

    private final int dModel;
    private final int heads;
    private final int dk;
    private final Linear wq;
    private final Linear wk;
    private final Linear wv;
    private final Linear wo;

    public MultiHeadAttention(int dModel, int heads) {
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
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
        NDArray q = in.get(0);
        NDArray kv = in.get(1);
        NDArray bias = in.get(2);
        long b = q.getShape().get(0);
        long tq = q.getShape().get(1);
        long tk = kv.getShape().get(1);
        NDArray qh = split(wq.forward(ps, new NDList(q), training).head(), b, tq);
        NDArray kh = split(wk.forward(ps, new NDList(kv), training).head(), b, tk);
        NDArray vh = split(wv.forward(ps, new NDList(kv), training).head(), b, tk);
        NDArray scores = qh.matMul(kh.transpose(0, 1, 3, 2)).mul(Const.of(qh, (float) (1.0 / Math.sqrt(dk))));
        NDArray weights = scores.add(bias).softmax(-1);
        NDArray ctx = weights.matMul(vh).transpose(0, 2, 1, 3).reshape(b, tq, dModel);
        NDArray out = wo.forward(ps, new NDList(ctx), training).head();
        return new NDList(out, weights, scores);
    }

    private NDArray split(NDArray x, long b, long t) {
        return x.reshape(b, t, heads, dk).transpose(0, 2, 1, 3);
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
