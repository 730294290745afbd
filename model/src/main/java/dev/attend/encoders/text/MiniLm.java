package dev.attend.encoders.text;

import ai.djl.translate.TranslateException;
import dev.attend.models.BundledModel;
import dev.attend.onnx.OnnxModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The all-MiniLM-L6-v2 sentence encoder (6 layers × 12 heads, 384-d) on ONNX Runtime through DJL, offline:
 * token vectors, mean-pooled unit-length sentence embeddings and, when loaded with attention, every layer's and
 * head's attention weights and pre-softmax scores. Thread-safe (calls are serialized); owns its native session and
 * tokenizer until {@link #close()}.
 */
public final class MiniLm implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MiniLm.class);

    /** sentence-transformers' max_seq_length for this model. */
    public static final int MAX_TOKENS = 256;
    public static final String ENGINE = OnnxModel.ENGINE;

    private final OnnxModel<TokenBatch, EncoderOutput> model;
    private final TextTokenizer tokenizer;
    private final AttentionGraph attention;
    private boolean closed;

    private MiniLm(OnnxModel<TokenBatch, EncoderOutput> model, TextTokenizer tokenizer, AttentionGraph attention) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.attention = attention;
    }

    /** The bundled model from the default cache folder. */
    public static MiniLm load(boolean withAttention) throws IOException {
        return load(MiniLmFiles.BUNDLED, BundledModel.defaultCacheDir(), withAttention, MAX_TOKENS);
    }

    /**
     * @param withAttention add the attention tensors as graph outputs (see {@link AttentionModelFile})
     * @param maxTokens     longer texts are truncated to this many tokens, {@code [CLS]} and {@code [SEP]} included
     * @throws dev.attend.models.ModelIntegrityException when a file is missing or fails its SHA-256 check
     */
    public static MiniLm load(MiniLmFiles files, Path cacheDir, boolean withAttention, int maxTokens)
            throws IOException {
        long t0 = System.nanoTime();
        Path tokenizerJson = files.tokenizer().materialize(cacheDir);
        Path onnx;
        AttentionGraph attention = null;
        if (withAttention) {
            AttentionModelFile edited = AttentionModelFile.prepare(files.onnx(), cacheDir);
            onnx = edited.file();
            attention = edited.graph();
        } else {
            onnx = files.onnx().materialize(cacheDir);
        }
        OnnxModel.keepDjlOffline(); // before the tokenizer: never let DJL reach for the network
        TextTokenizer tokenizer = new TextTokenizer(tokenizerJson, maxTokens);
        OnnxModel<TokenBatch, EncoderOutput> zoo;
        try {
            zoo = OnnxModel.load(onnx, TokenBatch.class, EncoderOutput.class, new MiniLmTranslator(attention),
                    Math.min(4, Runtime.getRuntime().availableProcessors()),
                    onnx.getFileName() + " with ONNX Runtime");
        } catch (IOException | RuntimeException e) {
            tokenizer.close();
            throw e;
        }
        MiniLm m = new MiniLm(zoo, tokenizer, attention);
        LOG.info("MiniLM loaded from {} ({} attention outputs) in {} ms", onnx.getFileName(),
                attention == null ? "without" : "with", (System.nanoTime() - t0) / 1_000_000);
        return m;
    }

    public boolean exposesAttention() {
        return attention != null;
    }

    public TextTokenizer tokenizer() {
        return tokenizer;
    }

    /** Runs the encoder on an already tokenized batch. */
    public synchronized EncoderOutput encode(TokenBatch batch) {
        try {
            return model.predict(batch);
        } catch (TranslateException e) {
            throw new IllegalStateException("MiniLM inference failed: " + e.getMessage(), e);
        }
    }

    /**
     * Tokenizes (padding to the longest text) and runs the encoder as one batch. Results of a text differ slightly
     * from running it alone (see {@link #embed(List)}).
     */
    public EncoderOutput encode(List<String> texts) {
        return encode(tokenizer.encode(texts));
    }

    /** The unit-length sentence embedding of one text (384 floats). */
    public float[] embed(String text) {
        return encode(tokenizer.encode(text)).sentenceEmbedding(0);
    }

    /**
     * Sentence embeddings of several texts, each run alone. Not as one padded batch: the quantized graph computes
     * its activation scales (DynamicQuantizeLinear) over the whole input tensor, so padding and the other texts of a
     * batch shift the result (measured: cosine 0.979 instead of 1 for a short text padded next to a long one).
     */
    public List<float[]> embed(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (String text : texts) {
            vectors.add(embed(text));
        }
        return vectors;
    }

    /** Attention maps of one text, run alone (no padding). */
    public AttentionMaps attention(String text) {
        if (attention == null) {
            throw new IllegalStateException("MiniLM was loaded without attention outputs");
        }
        return encode(tokenizer.encode(text)).attention().get(0);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            model.close();
        } finally {
            tokenizer.close();
        }
    }
}
