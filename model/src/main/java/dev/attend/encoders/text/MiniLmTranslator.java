package dev.attend.encoders.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Token batches in, plain Java arrays out: inputs are named as the graph names them; outputs are read by name and
 * copied before DJL releases the native tensors. Batching is done by {@link TextTokenizer}, so no batchifier.
 */
final class MiniLmTranslator implements Translator<TokenBatch, EncoderOutput> {

    static final String HIDDEN = "last_hidden_state";

    private final AttentionGraph attention; // null: plain model

    MiniLmTranslator(AttentionGraph attention) {
        this.attention = attention;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, TokenBatch batch) {
        NDManager m = ctx.getNDManager();
        Shape shape = new Shape(batch.size(), batch.seqLen());
        long[] ids = flatten(batch.ids());
        long[] mask = flatten(batch.mask());
        ctx.setAttachment("batch", batch);
        NDArray idArr = m.create(ids, shape);
        idArr.setName("input_ids");
        NDArray maskArr = m.create(mask, shape);
        maskArr.setName("attention_mask");
        NDArray typeArr = m.create(new long[ids.length], shape);
        typeArr.setName("token_type_ids");
        return new NDList(idArr, maskArr, typeArr);
    }

    @Override
    public EncoderOutput processOutput(TranslatorContext ctx, NDList list) {
        TokenBatch batch = (TokenBatch) ctx.getAttachment("batch");
        int b = batch.size();
        int s = batch.seqLen();
        NDArray hiddenArr = byName(list, HIDDEN);
        int dim = (int) hiddenArr.getShape().get(2);
        float[] flat = hiddenArr.toFloatArray();
        float[][][] hidden = new float[b][s][dim];
        for (int i = 0; i < b; i++) {
            for (int t = 0; t < s; t++) {
                System.arraycopy(flat, (i * s + t) * dim, hidden[i][t], 0, dim);
            }
        }
        List<AttentionMaps> maps = new ArrayList<>();
        if (attention != null) {
            int layers = attention.layers();
            int heads = (int) byName(list, attention.weights().get(0)).getShape().get(1);
            float[][][][][] w = new float[b][layers][][][];
            float[][][][][] sc = new float[b][layers][][][];
            for (int l = 0; l < layers; l++) {
                split(byName(list, attention.weights().get(l)), w, l, b, heads, s);
                split(byName(list, attention.scores().get(l)), sc, l, b, heads, s);
            }
            for (int i = 0; i < b; i++) {
                maps.add(new AttentionMaps(batch.tokens().get(i), layers, heads, w[i], sc[i]));
            }
        }
        return new EncoderOutput(batch, hidden, maps);
    }

    /** [B,H,S,S] → into[b][layer] = [H][S][S]. */
    private static void split(NDArray arr, float[][][][][] into, int layer, int b, int heads, int s) {
        float[] flat = arr.toFloatArray();
        for (int i = 0; i < b; i++) {
            float[][][] perHead = new float[heads][s][s];
            for (int h = 0; h < heads; h++) {
                for (int q = 0; q < s; q++) {
                    System.arraycopy(flat, ((i * heads + h) * s + q) * s, perHead[h][q], 0, s);
                }
            }
            into[i][layer] = perHead;
        }
    }

    private static NDArray byName(NDList list, String name) {
        NDArray a = list.get(name);
        if (a == null) {
            throw new IllegalStateException("the model returned no output named " + name);
        }
        return a;
    }

    private static long[] flatten(long[][] rows) {
        int s = rows.length == 0 ? 0 : rows[0].length;
        long[] out = new long[rows.length * s];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out, i * s, s);
        }
        return out;
    }

    @Override
    public Batchifier getBatchifier() {
        return null;
    }
}
