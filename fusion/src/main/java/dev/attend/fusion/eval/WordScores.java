package dev.attend.fusion.eval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attend.fusion.data.FusionData;
import dev.attend.fusion.model.FusionConfig;
import dev.attend.fusion.train.WordLabels;
import java.util.HashMap;
import java.util.Map;

/**
 * The word head's accuracy on audio alone: per audio token, is the most likely class the label from the data's word
 * times ({@link WordLabels}); over all tokens and over the tokens just after a word's end (label ≠ "no word end").
 */
final class WordScores {

    private final Map<String, Integer> index = new HashMap<>();
    private long tokens;
    private long right;
    private long ends;
    private long endsRight;

    WordScores(FusionConfig cfg) {
        for (int i = 0; i < cfg.words().size(); i++) {
            index.put(cfg.words().get(i), i + 2);
        }
    }

    /** Window {@code i} of a batch's word logits (B,Ta,K), flat. */
    void add(float[] logits, int i, int ta, int k, float[] times, FusionData.Utterance u) {
        long[] labels = WordLabels.labels(times, u.words(), index);
        for (int t = 0; t < ta; t++) {
            int off = (i * ta + t) * k;
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (logits[off + c] > logits[off + best]) {
                    best = c;
                }
            }
            tokens++;
            right += best == labels[t] ? 1 : 0;
            if (labels[t] != 0) {
                ends++;
                endsRight += best == labels[t] ? 1 : 0;
            }
        }
    }

    void report(ObjectNode r) {
        r.put("wordTokenAccuracy", Math.round(10000.0 * right / Math.max(1, tokens)) / 10000.0);
        r.put("wordEndAccuracy", Math.round(10000.0 * endsRight / Math.max(1, ends)) / 10000.0);
        r.put("wordEndTokens", ends);
        r.put("wordVocabulary", index.size());
    }
}
