package dev.attend.encoders.text;

import java.util.List;

/**
 * Self-attention of one text through every layer and head of the encoder. Row {@code q} of a map is how query token
 * {@code q} spreads its attention over the key tokens (columns); rows of {@link #weights} sum to 1. When the text was
 * run padded in a batch, S includes the {@code [PAD]} tokens and their columns carry (close to) zero weight.
 *
 * @param tokens  the S token strings, queries and keys alike
 * @param layers  number of layers
 * @param heads   heads per layer
 * @param weights [layer][head][query][key] softmax weights
 * @param scores  [layer][head][query][key] pre-softmax scores q·k/√d plus the mask term (0 for real tokens, a large
 *                negative number for padding)
 */
public record AttentionMaps(List<String> tokens, int layers, int heads, float[][][][] weights, float[][][][] scores) {

    public AttentionMaps {
        tokens = List.copyOf(tokens);
        if (weights.length != layers || scores.length != layers) {
            throw new IllegalArgumentException("expected " + layers + " layers of maps");
        }
    }

    /** S, the number of tokens. */
    public int size() {
        return tokens.size();
    }

    /** The [S][S] weights of one head (shared, not copied). */
    public float[][] weights(int layer, int head) {
        return weights[layer][head];
    }

    /** The [S][S] pre-softmax scores of one head (shared, not copied). */
    public float[][] scores(int layer, int head) {
        return scores[layer][head];
    }

    /** The mean of a layer's heads' weights; rows still sum to 1. */
    public float[][] headAverage(int layer) {
        int s = size();
        double[][] sum = new double[s][s];
        for (int h = 0; h < heads; h++) {
            float[][] w = weights[layer][h];
            for (int q = 0; q < s; q++) {
                for (int k = 0; k < s; k++) {
                    sum[q][k] += w[q][k];
                }
            }
        }
        float[][] avg = new float[s][s];
        for (int q = 0; q < s; q++) {
            for (int k = 0; k < s; k++) {
                avg[q][k] = (float) (sum[q][k] / heads);
            }
        }
        return avg;
    }
}
