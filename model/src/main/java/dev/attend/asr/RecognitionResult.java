package dev.attend.asr;

import java.util.List;

/** What a {@link SpeechRecognizer} returns. Times are seconds from the recognizer's first sample. */
public sealed interface RecognitionResult {

    String text();

    /** One word: its span and a confidence in [0, 1]. */
    record Word(String word, double start, double end, double conf) {
    }

    /** Another hypothesis for an utterance and the recognizer's score for it (higher is better; not a probability). */
    record Alternative(String text, double score) {
    }

    /**
     * The guess so far. {@code words} carries times only when partial words are switched on (else empty).
     */
    record Partial(String text, List<Word> words) implements RecognitionResult {
        public Partial {
            words = List.copyOf(words);
        }
    }

    /**
     * A settled utterance. {@code start}/{@code end}: first word's start and last word's end (NaN without word
     * times); {@code confidence}: mean word confidence (1 when the recognizer gives none);
     * {@code alternatives}: other hypotheses, best first, when asked for (else empty);
     * {@code speakerVector}: the speaker's x-vector over the utterance's speech frames when the recognizer has a
     * speaker model and heard enough speech (else null); {@code speakerFrames}: the frames it was taken over.
     */
    record Utterance(String text, double start, double end, double confidence, List<Word> words,
                     List<Alternative> alternatives, float[] speakerVector, int speakerFrames)
            implements RecognitionResult {
        public Utterance {
            words = List.copyOf(words);
            alternatives = List.copyOf(alternatives);
            speakerVector = speakerVector == null ? null : speakerVector.clone();
        }

        /** Without a speaker vector. */
        public Utterance(String text, double start, double end, double confidence, List<Word> words,
                         List<Alternative> alternatives) {
            this(text, start, end, confidence, words, alternatives, null, 0);
        }

        @Override
        public float[] speakerVector() {
            return speakerVector == null ? null : speakerVector.clone();
        }

        public boolean isEmpty() {
            return text.isBlank();
        }
    }
}
