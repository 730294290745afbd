package dev.attend.encoders.text;

import java.util.List;

/**
 * Token ids of one or more texts, right-padded to a common length {@code S} (pad id 0, mask 0).
 *
 * @param ids     [B][S] token ids
 * @param mask    [B][S] attention mask: 1 for real tokens, 0 for padding
 * @param tokens  B lists of S token strings ({@code [CLS]}, word pieces, {@code [SEP]}, {@code [PAD]})
 * @param lengths real (unpadded) length of each text
 */
public record TokenBatch(long[][] ids, long[][] mask, List<List<String>> tokens, int[] lengths) {

    public TokenBatch {
        tokens = tokens.stream().map(List::copyOf).toList();
    }

    public int size() {
        return ids.length;
    }

    /** The padded length S. */
    public int seqLen() {
        return ids.length == 0 ? 0 : ids[0].length;
    }
}
