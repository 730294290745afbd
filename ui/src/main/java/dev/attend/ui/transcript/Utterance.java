package dev.attend.ui.transcript;

import java.util.List;

/**
 * One utterance as the transcript shows it: a partial guess until {@code settled}, then the final with words.
 * {@code end} is NaN while unsettled. {@code speaker}: who spoke (the final's label, or the name the user gave that
 * label), null when unknown. {@code typed} rows are sentences the user typed (no words, no confidence).
 */
public record Utterance(int id, double start, double end, String text, boolean settled, double confidence,
                        List<Word> words, String speaker, boolean typed) {

    /** A recognized word with its media-time span and Vosk confidence. */
    public record Word(String word, double start, double end, double conf) {
    }

    public Utterance {
        words = List.copyOf(words);
    }

    /** A recognized (not typed) utterance without a speaker. */
    public Utterance(int id, double start, double end, String text, boolean settled, double confidence,
                     List<Word> words) {
        this(id, start, end, text, settled, confidence, words, null, false);
    }

    /** A recognized (not typed) utterance. */
    public Utterance(int id, double start, double end, String text, boolean settled, double confidence,
                     List<Word> words, String speaker) {
        this(id, start, end, text, settled, confidence, words, speaker, false);
    }

    /** A recognized or typed utterance without a speaker. */
    public Utterance(int id, double start, double end, String text, boolean settled, double confidence,
                     List<Word> words, boolean typed) {
        this(id, start, end, text, settled, confidence, words, null, typed);
    }

    public Utterance withSpeaker(String name) {
        return new Utterance(id, start, end, text, settled, confidence, words, name, typed);
    }
}
