package dev.attend.translate;

import java.util.List;

/**
 * The result of translating one segment.
 *
 * @param pair      direction, e.g. {@code eng-spa}
 * @param source    the text as given
 * @param target    the translation for display: Apertium's unknown-word marks removed, numbers, names and
 *                  punctuation as the engine wrote them
 * @param marked    the translation with Apertium's marks ({@code *} unknown word, {@code @} no bilingual entry,
 *                  {@code #} form not generated), exactly as the {@code apertium} command prints it
 * @param unknown   the words of {@code target} that carried a mark, in order, with their offsets in {@code target}
 * @param latencyMs time this call took (a cache hit: the lookup only)
 * @param cached    true when the result came from a cache without a round trip to the engine
 */
public record Translation(String pair, String source, String target, String marked, List<UnknownWord> unknown,
                          double latencyMs, boolean cached) {

    public Translation {
        unknown = List.copyOf(unknown);
    }

    /** The unknown words' texts, in order (what the {@code translation} event lists). */
    public List<String> unknownWords() {
        return unknown.stream().map(UnknownWord::word).toList();
    }

    /** This result as served again from a cache. */
    public Translation fromCache(double lookupMs) {
        return new Translation(pair, source, target, marked, unknown, lookupMs, true);
    }

    /**
     * A word of the target that the engine could not translate fully, so the UI can show it differently.
     *
     * @param start offset of its first character in {@link Translation#target()}
     * @param end   offset just after its last character
     */
    public record UnknownWord(String word, int start, int end, Kind kind) {
    }

    /** What the engine's mark said about the word. */
    public enum Kind {
        /** {@code *}: not in the source dictionary; copied untranslated. */
        NOT_IN_DICTIONARY('*'),
        /** {@code @}: analysed, but no entry in the bilingual dictionary. */
        NO_TRANSLATION('@'),
        /** {@code #}: translated, but the target form could not be generated (the lemma is shown). */
        NOT_GENERATED('#');

        private final char mark;

        Kind(char mark) {
            this.mark = mark;
        }

        public char mark() {
            return mark;
        }

        static Kind of(char mark) {
            for (Kind k : values()) {
                if (k.mark == mark) {
                    return k;
                }
            }
            throw new IllegalArgumentException("not an Apertium mark: " + mark);
        }
    }
}
