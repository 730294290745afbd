package dev.attend.encoders.text;

import java.util.List;

/**
 * What MiniLM computed for a batch.
 *
 * @param batch     the tokens that went in
 * @param hidden    [B][S][384] last hidden state: one contextual vector per token (padding rows included)
 * @param attention one {@link AttentionMaps} per text, or empty when the model was loaded without attention outputs
 */
public record EncoderOutput(TokenBatch batch, float[][][] hidden, List<AttentionMaps> attention) {

    public EncoderOutput {
        attention = List.copyOf(attention);
    }

    /** The mean-pooled, unit-length sentence embedding of text {@code b}. */
    public float[] sentenceEmbedding(int b) {
        return SentenceEmbeddings.meanPooledNormalized(hidden[b], batch.mask()[b]);
    }

    /** The token vectors of text {@code b} without padding rows. */
    public float[][] tokenEmbeddings(int b) {
        return java.util.Arrays.copyOf(hidden[b], batch.lengths()[b]);
    }
}
