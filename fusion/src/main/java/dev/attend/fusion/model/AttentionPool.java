package dev.attend.fusion.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

/**
 * Learned attention pooling over time: {@code w = softmax_t(x_t·q/√D)} over the real tokens, {@code out = Σ_t w_t x_t}.
 * The query starts at 0, i.e. as the masked mean; training lets a head look at the speech instead of averaging it
 * with the silence around a command (most of a 4-s window).
 *
 * <pre>inputs: x (B,T,D), mask (B,T) 1 = real token; outputs: pooled (B,D), weights (B,T)</pre>
 */
public final class AttentionPool extends AbstractBlock {

    private final int dModel;
    private final Parameter query;

    public AttentionPool(int dModel) {
        super((byte) 1);
        this.dModel = dModel;
        query = addParameter(Parameter.builder().setName("query").setType(Parameter.Type.OTHER)
                .optShape(new Shape(dModel)).optInitializer(new ConstantInitializer(0f)).build());
    }

    /** The query vector (D), for inference outside the block ({@link FusionStream}). */
    float[] queryValues() {
        return query.getArray().toFloatArray();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
        NDArray x = in.get(0);
        NDArray mask = in.get(1);
        long b = x.getShape().get(0);
        // a reshape of the parameter lands on the parameter's (model's) manager: move it to the batch's, or every
        // step leaks one array there; x.op(param) keeps the other results on the batch's manager
        NDArray q = ps.getValue(query, x.getDevice(), training).reshape(dModel, 1);
        q.attach(x.getManager());
        NDArray scores = x.matMul(q).reshape(b, x.getShape().get(1))
                .mul(Const.of(x, (float) (1.0 / Math.sqrt(dModel))));
        NDArray bias = mask.sub(Const.of(mask, 1f)).mul(Const.of(mask, -Masks.MASKED));
        NDArray w = scores.add(bias).softmax(1);
        NDArray pooled = w.expandDims(1).matMul(x).reshape(b, dModel);
        return new NDList(pooled, w);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] s) {
        return new Shape[] {new Shape(s[0].get(0), dModel), new Shape(s[0].get(0), s[0].get(1))};
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType dt, Shape... s) {
        // no children: the query's shape is fixed
    }
}
