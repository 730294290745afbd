package dev.attend.fusion.train;

import dev.attend.fusion.data.FusionData;
import dev.attend.fusion.data.FusionDataset;
import dev.attend.fusion.model.FusionConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The word head's labels, from the data's true word times: an audio token at time T gets the word whose end lies in
 * (T − {@link #SPAN}, T] — "which word just ended" — as class 2 + its index in the vocabulary, 1 for a word outside
 * it, 0 where no word ended (a later word wins where two spans overlap). Also makes the vocabulary.
 */
public final class WordLabels {

    /** How long after its end a word is the token's label (4 tokens of 80 ms). */
    public static final double SPAN = 0.32;
    /** A word is in the vocabulary when it occurs at least this often in the training data. */
    public static final int MIN_COUNT = 20;

    private final FusionDataset data;
    private final FusionConfig cfg;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<Integer, long[]> cache = new HashMap<>();

    WordLabels(FusionDataset data, FusionConfig cfg) {
        this.data = data;
        this.cfg = cfg;
        for (int i = 0; i < cfg.words().size(); i++) {
            index.put(cfg.words().get(i), i + 2);
        }
    }

    /** The words occurring at least {@link #MIN_COUNT} times, most frequent first (ties alphabetical). */
    public static List<String> vocabulary(FusionDataset data) {
        Map<String, Integer> counts = new TreeMap<>();
        for (FusionData.Utterance u : data.utterances()) {
            for (FusionData.Word w : u.words()) {
                counts.merge(normal(w.word()), 1, Integer::sum);
            }
        }
        List<String> words = new ArrayList<>();
        counts.entrySet().stream().filter(e -> e.getValue() >= MIN_COUNT)
                .sorted((x, y) -> Integer.compare(y.getValue(), x.getValue())).forEach(e -> words.add(e.getKey()));
        return words;
    }

    /** Class per audio token of one window. */
    public static long[] labels(float[] times, List<FusionData.Word> words, Map<String, Integer> index) {
        long[] out = new long[times.length];
        for (FusionData.Word w : words) {
            int k = index.getOrDefault(normal(w.word()), 1);
            for (int t = 0; t < times.length; t++) {
                if (times[t] >= w.end() && times[t] < w.end() + SPAN) {
                    out[t] = k;
                }
            }
        }
        return out;
    }

    /** {@code t} with its word labels filled in; scored where the audio is real. */
    Targets label(Targets t, int[] ids, float[] audioMask) {
        int ta = cfg.audioTokens();
        long[] words = new long[ids.length * ta];
        for (int i = 0; i < ids.length; i++) {
            int u = data.samples().get(ids[i]).utterance();
            long[] l = cache.computeIfAbsent(u, k -> labels(data.audioTimes(k), data.utterances().get(k).words(), index));
            System.arraycopy(l, 0, words, i * ta, ta);
        }
        return new Targets(t.batch(), t.textTokens(), t.audioTokens(), t.sync(), t.addressee(), t.intent(), t.align(),
                t.avAnchor(), t.avColumns(), t.atAnchor(), t.atPositive(), t.slots(), words, audioMask.clone());
    }

    static String normal(String word) {
        return word.toLowerCase(Locale.ROOT);
    }
}
