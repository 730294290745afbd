package dev.attend.fusion.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

/**
 * Which word just ended, per audio token: an MLP over the raw audio tokens in a context of ±{@link #CONTEXT} tokens
 * (standardized by the training data's per-dimension mean and scale, saved with the model; padding and positions
 * outside the window count as 0), hidden {@link #HIDDEN} ReLU, then logits over {@link FusionConfig#wordClasses()}.
 * Dense supervision the window-level heads lack: every token learns the word that ended in the 0.32 s before it.
 * Future context means a token's posteriors are final only {@link #CONTEXT} tokens (240 ms) after it.
 *
 * <pre>inputs: audio (B,T,96), mask (B,T) 1 = real token; output: logits (B,T,K)</pre>
 */
public final class WordHead extends AbstractBlock {

    /** Context tokens on each side. */
    public static final int CONTEXT = 3;
    public static final int HIDDEN = 512;
    private final int classes;
    /** Added to the posteriors before the log the other heads read ({@link FusionConfig#wordFloor}). */
    private final float floor;
    private final Parameter mean;
    private final Parameter scale;
    private final Parameter heardMean;
    private final Parameter heardScale;
    private final Dropout dropout;
    private final Linear hidden;
    private final Linear out;

    public WordHead(int classes, float dropoutRate, float floor) {
        super((byte) 1);
        this.classes = classes;
        this.floor = floor;
        int d = FusionConfig.AUDIO_DIM;
        mean = addParameter(Parameter.builder().setName("mean").setType(Parameter.Type.OTHER).optRequiresGrad(false)
                .optShape(new Shape(d)).optInitializer(new ConstantInitializer(0f)).build());
        scale = addParameter(Parameter.builder().setName("scale").setType(Parameter.Type.OTHER).optRequiresGrad(false)
                .optShape(new Shape(d)).optInitializer(new ConstantInitializer(1f)).build());
        // running per-feature standardization of the words heard (2K): their discriminative range is a few hundredths
        heardMean = addParameter(Parameter.builder().setName("heardMean").setType(Parameter.Type.OTHER)
                .optRequiresGrad(false).optShape(new Shape(2L * classes)).optInitializer(new ConstantInitializer(0f))
                .build());
        heardScale = addParameter(Parameter.builder().setName("heardScale").setType(Parameter.Type.OTHER)
                .optRequiresGrad(false).optShape(new Shape(2L * classes)).optInitializer(new ConstantInitializer(1f))
                .build());
        dropout = addChildBlock("dropout", Dropout.builder().optRate(dropoutRate).build());
        hidden = addChildBlock("hidden", Linear.builder().setUnits(HIDDEN).build());
        out = addChildBlock("out", Linear.builder().setUnits(classes).build());
    }

    /** Sets the input standardization (per dimension: (x − mean) · scale), e.g. from the training data. */
    public void standardize(float[] meanValues, float[] scaleValues) {
        mean.getArray().set(meanValues);
        scale.getArray().set(scaleValues);
    }

    /** Momentum of the running standardization of the words heard. */
    static final float MOMENTUM = 0.95f;

    /**
     * The words heard standardized per feature by running statistics: in training the batch's statistics update them
     * first (exponential average; the first batch sets them), so training and inference use the same transform.
     */
    public NDArray standardizeHeard(ParameterStore ps, NDArray heard, boolean training) {
        if (training) {
            float[] x = heard.toFloatArray();
            int f = (int) heard.getShape().get(1);
            int b = x.length / f;
            float[] m = heardMean.getArray().toFloatArray();
            float[] sc = heardScale.getArray().toFloatArray();
            boolean first = true;
            for (float v : sc) {
                first &= v == 1f;
            }
            for (int k = 0; k < f; k++) {
                double sum = 0;
                double sq = 0;
                for (int i = 0; i < b; i++) {
                    sum += x[i * f + k];
                    sq += (double) x[i * f + k] * x[i * f + k];
                }
                double mean = sum / b;
                double var = Math.max(sq / b - mean * mean, 0);
                double oldVar = first ? var : Math.pow(1 / sc[k], 2) - 1e-4;
                double newMean = first ? mean : MOMENTUM * m[k] + (1 - MOMENTUM) * mean;
                double newVar = first ? var : MOMENTUM * oldVar + (1 - MOMENTUM) * var;
                m[k] = (float) newMean;
                sc[k] = (float) (1 / Math.sqrt(newVar + 1e-4));
            }
            heardMean.getArray().set(m);
            heardScale.getArray().set(sc);
        }
        return heard.sub(ps.getValue(heardMean, heard.getDevice(), training))
                .mul(ps.getValue(heardScale, heard.getDevice(), training));
    }

    /** What is added to the posteriors before the log ({@link FusionConfig#wordFloor}). */
    public float floor() {
        return floor;
    }

    float[] heardMeanValues() {
        return heardMean.getArray().toFloatArray();
    }

    float[] heardScaleValues() {
        return heardScale.getArray().toFloatArray();
    }

    /** Whether the standardization is still the identity (a fresh head, not one loaded or copied). */
    public boolean unstandardized() {
        for (float v : scaleValues()) {
            if (v != 1f) {
                return false;
            }
        }
        return true;
    }

    float[] meanValues() {
        return mean.getArray().toFloatArray();
    }

    float[] scaleValues() {
        return scale.getArray().toFloatArray();
    }

    Linear hiddenLinear() {
        return hidden;
    }

    Linear outLinear() {
        return out;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
        NDArray audio = in.get(0);
        NDArray mask = in.get(1);
        long b = audio.getShape().get(0);
        long t = audio.getShape().get(1);
        long d = audio.getShape().get(2);
        NDArray x = audio.sub(ps.getValue(mean, audio.getDevice(), training))
                .mul(ps.getValue(scale, audio.getDevice(), training)).mul(mask.expandDims(2));
        NDList shifted = new NDList();
        for (int o = -CONTEXT; o <= CONTEXT; o++) { // column block o + CONTEXT holds token t + o
            if (o == 0) {
                shifted.add(x);
                continue;
            }
            int k = Math.abs(o);
            NDArray zeros = x.getManager().zeros(new Shape(b, k, d));
            shifted.add(o > 0 ? x.get(":, " + k + ":, :").concat(zeros, 1)
                    : zeros.concat(x.get(":, :" + (t - k) + ", :"), 1));
        }
        NDArray ctx = NDArrays.concat(shifted, 2);
        NDArray h = hidden.forward(ps, dropout.forward(ps, new NDList(ctx), training), training).head();
        return out.forward(ps, new NDList(Activation.relu(h)), training);
    }

    /**
     * Masked max and mean over time of log(softmax(logits) + floor) / |log floor| (so in [−1, 0]): (B,2K), no
     * gradient to the head.
     */
    public static NDArray pooledLogPosteriors(NDArray logits, NDArray mask, float floor) {
        NDArray lp = logits.stopGradient().softmax(2).add(Const.of(logits, floor)).log()
                .mul(Const.of(logits, (float) (-1 / Math.log(floor))));
        NDArray m = mask.expandDims(2);
        NDArray max = lp.add(m.sub(Const.of(m, 1f)).mul(Const.of(m, -Masks.MASKED))).max(new int[] {1});
        NDArray mean = lp.mul(m).sum(new int[] {1}).div(m.sum(new int[] {1}).maximum(Const.of(m, 1f)));
        return max.concat(mean, 1);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] s) {
        return new Shape[] {new Shape(s[0].get(0), s[0].get(1), classes)};
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType dt, Shape... s) {
        Shape ctx = new Shape(s[0].get(0), s[0].get(1), s[0].get(2) * (2L * CONTEXT + 1));
        dropout.initialize(m, dt, ctx);
        hidden.initialize(m, dt, ctx);
        out.initialize(m, dt, new Shape(s[0].get(0), s[0].get(1), HIDDEN));
    }
}
