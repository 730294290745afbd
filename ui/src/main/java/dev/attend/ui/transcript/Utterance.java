package dev.attend.ui.transcript;

import java.util.List;

/**
 * One utterance as the transcript shows it: a partial guess until {@code settled}, then the final with words.
 * {@code end} is NaN while unsettled. {@code typed} rows are sentences the user typed (no words, no confidence).
 */
public record Utterance(int id, double start, double end, String text, boolean settled, double confidence,
                        List<Word> words, boolean typed) {

    /** A recognized word with its media-time span and Vosk confidence. */
    public record Word(String word, double start, double end, double conf) {
    }

    public Utterance {
        words = List.copyOf(words);
    }

    /** A recognized (not typed) utterance. */
    public Utterance(int id, double start, double end, String text, boolean settled, double confidence,
                     List<Word> words) {
        this(id, start, end, text, settled, confidence, words, false);
    }
}
