package dev.attend.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to generate: the lexicon (word → tone indices), the graph kind, and the endpointing rules written into
 * {@code conf/model.conf}.
 *
 * @param words              word → tones (0 = A … 3 = D), in word-id order
 * @param grammar            true: {@code HCLr.fst + Gr.fst} (runtime grammars, with an {@code [unk]} garbage word);
 *                           false: one static {@code HCLG.fst}
 * @param trailingSilence    endpoint rule 2: seconds of trailing silence that end an utterance
 * @param maxUtteranceSeconds endpoint rule 5: an utterance is cut after this long
 */
public record ToneModelSpec(Map<String, int[]> words, boolean grammar, double trailingSilence,
                            double maxUtteranceSeconds) {

    /** Kaldi's reserved symbols and the garbage word the grammar graph adds itself. */
    static final java.util.Set<String> RESERVED = java.util.Set.of("<eps>", "#0", "<s>", "</s>", "[unk]", "<unk>");

    public ToneModelSpec {
        words = words == null ? null : new LinkedHashMap<>(words);
    }

    /** The default ten-word lexicon, static graph, 0.5 s trailing silence, 20 s utterances. */
    public static ToneModelSpec defaults() {
        return new ToneModelSpec(ToneLanguage.defaultWords(), false, 0.5, 20.0);
    }

    public ToneModelSpec withGrammar(boolean g) {
        return new ToneModelSpec(words, g, trailingSilence, maxUtteranceSeconds);
    }

    public ToneModelSpec withTrailingSilence(double seconds) {
        return new ToneModelSpec(words, grammar, seconds, maxUtteranceSeconds);
    }

    public ToneModelSpec withWords(Map<String, int[]> w) {
        return new ToneModelSpec(w, grammar, trailingSilence, maxUtteranceSeconds);
    }

    /**
     * Checks the spec as given by a caller.
     *
     * @throws IllegalArgumentException naming the offending word or value
     */
    public void validate() {
        if (words == null || words.isEmpty()) {
            throw new IllegalArgumentException("tone model needs at least one word");
        }
        Map<String, String> seen = new java.util.HashMap<>();
        for (Map.Entry<String, int[]> e : words.entrySet()) {
            String w = e.getKey();
            if (w == null || w.isEmpty() || w.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("word '" + w + "' must be non-empty and contain no spaces");
            }
            if (RESERVED.contains(w) || w.startsWith("#")) {
                throw new IllegalArgumentException("word '" + w + "' is a reserved symbol; choose another name");
            }
            int[] tones = e.getValue();
            if (tones == null || tones.length == 0) {
                throw new IllegalArgumentException("word '" + w + "' has no tones; give 1 or more of 0..3");
            }
            for (int t : tones) {
                if (t < 0 || t >= ToneLanguage.TONES) {
                    throw new IllegalArgumentException("word '" + w + "' uses tone " + t + "; tones are 0..3 (A..D)");
                }
            }
            String key = java.util.Arrays.toString(tones);
            String other = seen.putIfAbsent(key, w);
            if (other != null) {
                throw new IllegalArgumentException("words '" + other + "' and '" + w + "' have the same tones "
                        + key + "; they could not be told apart");
            }
        }
        if (!(trailingSilence > 0) || trailingSilence > 60 || !Double.isFinite(trailingSilence)) {
            throw new IllegalArgumentException("trailing silence must be in (0, 60] s, not " + trailingSilence);
        }
        if (!(maxUtteranceSeconds > trailingSilence) || !Double.isFinite(maxUtteranceSeconds)) {
            throw new IllegalArgumentException("max utterance length must exceed the trailing silence, not "
                    + maxUtteranceSeconds);
        }
    }
}
