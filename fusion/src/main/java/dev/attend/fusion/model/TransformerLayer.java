package dev.attend.fusion.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Post-LN transformer layer: {@code y = LN(x + Drop(MHA(x, kv)))}, {@code z = LN(y + Drop(FFN(y)))}; self-attention
 * when kv is x, cross-attention otherwise. LayerNorm over axis 2 (the feature axis) only: DJL's default would
 * normalize over time as well.
 *
 * <pre>inputs: x (B,Tq,D), kv (B,Tk,D), bias (B,1,Tq,Tk) [, seconds (B,1,Tq,Tk)]; outputs: z (B,Tq,D), weights, scores (B,H,Tq,Tk)</pre>
 */
public final class TransformerLayer extends AbstractBlock {

    private final MultiHeadAttention attention;
    private final LayerNorm norm1;
    private final LayerNorm norm2;
    private final SequentialBlock ffn;
    private final float dropout;

    public TransformerLayer(int dModel, int heads, int ffnDim, float dropout) {
        this(dModel, heads, ffnDim, dropout, false);
    }

    public TransformerLayer(int dModel, int heads, int ffnDim, float dropout, boolean relativeTime) {
        super((byte) 1);
        this.dropout = dropout;
        attention = addChildBlock("attn", new MultiHeadAttention(dModel, heads, relativeTime));
        norm1 = addChildBlock("ln1", LayerNorm.builder().axis(2).build());
        norm2 = addChildBlock("ln2", LayerNorm.builder().axis(2).build());
        ffn = addChildBlock("ffn", new SequentialBlock()
                .add(Linear.builder().setUnits(ffnDim).build())
                .add(Activation::gelu)
                .add(Linear.builder().setUnits(dModel).build()));
    }

    private NDArray drop(NDArray x, boolean training) {
        return training && dropout > 0 ? Dropout.dropout(x, dropout, true).head() : x;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
        NDList a = attention.forward(ps, in, training);
        return finish(ps, in.get(0), a, training);
    }

    /** The parts, for the plain-Java streaming step ({@link RowLayer}): attention, ln1, ln2 and the FFN's Linears. */
    MultiHeadAttention attention() {
        return attention;
    }

    LayerNorm[] norms() {
        return new LayerNorm[] {norm1, norm2};
    }

    Linear[] ffnLinears() {
        return new Linear[] {(Linear) ffn.getChildren().get(0).getValue(), (Linear) ffn.getChildren().get(2).getValue()};
    }

    private NDList finish(ParameterStore ps, NDArray x, NDList a, boolean training) {
        NDArray y = norm1.forward(ps, new NDList(x.add(drop(a.get(0), training))), training).head();
        NDArray f = ffn.forward(ps, new NDList(y), training).head();
        NDArray z = norm2.forward(ps, new NDList(y.add(drop(f, training))), training).head();
        return new NDList(z, a.get(1), a.get(2));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] s) {
        return attention.getOutputShapes(s);
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType dt, Shape... s) {
        attention.initialize(m, dt, s);
        norm1.initialize(m, dt, s[0]);
        ffn.initialize(m, dt, s[0]);
        norm2.initialize(m, dt, s[0]);
    }
}
