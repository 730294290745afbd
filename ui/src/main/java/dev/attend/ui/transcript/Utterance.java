package dev.attend.ui.transcript;

import java.util.List;

/**
 * One utterance as the transcript shows it: a partial guess until {@code settled}, then the final with words.
 * {@code end} is NaN while unsettled.
 */
public record Utterance(int id, double start, double end, String text, boolean settled, double confidence,
                        List<Word> words) {

    /** A recognized word with its media-time span and Vosk confidence. */
    public record Word(String word, double start, double end, double conf) {
    }

    public Utterance {
        words = List.copyOf(words);
    }
}
