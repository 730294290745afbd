package dev.attend.ui.transcript;

import java.util.List;

/**
 * One utterance as the transcript shows it: a partial guess until {@code settled}, then the final with words.
 * {@code end} is NaN while unsettled. {@code speaker}: who spoke (the final's label, or the name the user gave that
 * label), null when unknown.
 */
public record Utterance(int id, double start, double end, String text, boolean settled, double confidence,
                        List<Word> words, String speaker) {

    /** A recognized word with its media-time span and Vosk confidence. */
    public record Word(String word, double start, double end, double conf) {
    }

    public Utterance {
        words = List.copyOf(words);
    }

    /** Without a speaker. */
    public Utterance(int id, double start, double end, String text, boolean settled, double confidence,
                     List<Word> words) {
        this(id, start, end, text, settled, confidence, words, null);
    }

    public Utterance withSpeaker(String name) {
        return new Utterance(id, start, end, text, settled, confidence, words, name);
    }
}
