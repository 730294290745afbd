package dev.attend.encoders.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * WordPiece tokenization from a {@code tokenizer.json} through the Hugging Face tokenizers natives (DJL), offline.
 * The file's own fixed padding to 128 is turned off: texts are padded here to the longest text of a batch, so a
 * single text runs with exactly its own tokens.
 */
public final class TextTokenizer implements AutoCloseable {

    /** Pad token string and id of BERT vocabularies. */
    public static final String PAD = "[PAD]";

    private final HuggingFaceTokenizer tokenizer;
    private final int maxLength;

    /**
     * @param tokenizerJson a verified {@code tokenizer.json}
     * @param maxLength     longest sequence kept, special tokens included (longer texts are truncated)
     */
    public TextTokenizer(Path tokenizerJson, int maxLength) throws IOException {
        this.maxLength = maxLength;
        this.tokenizer = HuggingFaceTokenizer.builder()
                .optTokenizerPath(tokenizerJson)
                .optAddSpecialTokens(true)
                .optPadding(false)
                .optTruncation(true)
                .optMaxLength(maxLength)
                .build();
    }

    public int maxLength() {
        return maxLength;
    }

    /** Tokens of one text, {@code [CLS]} … {@code [SEP]}, no padding. */
    public TokenBatch encode(String text) {
        return encode(List.of(text));
    }

    /** Tokens of several texts, right-padded to the longest. */
    public TokenBatch encode(List<String> texts) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("no texts to tokenize");
        }
        List<Encoding> encodings = new ArrayList<>(texts.size());
        int seqLen = 0;
        for (String text : texts) {
            Encoding e;
            synchronized (this) {
                e = tokenizer.encode(text);
            }
            encodings.add(e);
            seqLen = Math.max(seqLen, e.getIds().length);
        }
        int b = texts.size();
        long[][] ids = new long[b][seqLen];
        long[][] mask = new long[b][seqLen];
        int[] lengths = new int[b];
        List<List<String>> tokens = new ArrayList<>(b);
        for (int i = 0; i < b; i++) {
            Encoding e = encodings.get(i);
            long[] eIds = e.getIds();
            lengths[i] = eIds.length;
            System.arraycopy(eIds, 0, ids[i], 0, eIds.length);
            Arrays.fill(mask[i], 0, eIds.length, 1L);
            List<String> t = new ArrayList<>(Arrays.asList(e.getTokens()));
            while (t.size() < seqLen) {
                t.add(PAD);
            }
            tokens.add(t);
        }
        return new TokenBatch(ids, mask, tokens, lengths);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
