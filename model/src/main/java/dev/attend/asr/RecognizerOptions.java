package dev.attend.asr;

import java.nio.file.Path;
import java.util.List;

/**
 * How a recognizer runs.
 *
 * @param sampleRate      rate of the 16-bit mono audio fed to it
 * @param words           word times and confidences in final results
 * @param partialWords    word times in partial results too (lags: libvosk determinizes the lattice for them)
 * @param maxAlternatives 0 = one best result; n = up to n hypotheses per utterance
 * @param grammar         phrases the recognizer may hear ({@code "[unk]"} for anything else), or null for the
 *                        model's full language; needs a model with a runtime graph (graph/HCLr.fst + Gr.fst)
 * @param endpointer      when utterances end
 * @param speakerModel    folder of a Vosk speaker-identification model: each final then carries a speaker vector;
 *                        null for none
 */
public record RecognizerOptions(int sampleRate, boolean words, boolean partialWords, int maxAlternatives,
                                List<String> grammar, EndpointerSettings endpointer, Path speakerModel) {

    public RecognizerOptions {
        if (sampleRate < 8000 || sampleRate > 192_000) {
            throw new IllegalArgumentException("sample rate must be 8000..192000 Hz, not " + sampleRate);
        }
        if (maxAlternatives < 0 || maxAlternatives > 100) {
            throw new IllegalArgumentException("max alternatives must be 0..100, not " + maxAlternatives);
        }
        grammar = grammar == null ? null : List.copyOf(grammar);
        endpointer = endpointer == null ? EndpointerSettings.MODEL_DEFAULT : endpointer;
    }

    /** Without a speaker model. */
    public RecognizerOptions(int sampleRate, boolean words, boolean partialWords, int maxAlternatives,
                             List<String> grammar, EndpointerSettings endpointer) {
        this(sampleRate, words, partialWords, maxAlternatives, grammar, endpointer, null);
    }

    /** 16 kHz, word times on, partial words off, one best, no grammar, the model's endpointing. */
    public static RecognizerOptions defaults() {
        return new RecognizerOptions(16_000, true, false, 0, null, EndpointerSettings.MODEL_DEFAULT);
    }

    public RecognizerOptions withWords(boolean w) {
        return new RecognizerOptions(sampleRate, w, partialWords, maxAlternatives, grammar, endpointer, speakerModel);
    }

    public RecognizerOptions withPartialWords(boolean p) {
        return new RecognizerOptions(sampleRate, words, p, maxAlternatives, grammar, endpointer, speakerModel);
    }

    public RecognizerOptions withMaxAlternatives(int n) {
        return new RecognizerOptions(sampleRate, words, partialWords, n, grammar, endpointer, speakerModel);
    }

    public RecognizerOptions withGrammar(List<String> phrases) {
        return new RecognizerOptions(sampleRate, words, partialWords, maxAlternatives, phrases, endpointer, speakerModel);
    }

    public RecognizerOptions withEndpointer(EndpointerSettings e) {
        return new RecognizerOptions(sampleRate, words, partialWords, maxAlternatives, grammar, e, speakerModel);
    }

    public RecognizerOptions withSpeakerModel(Path dir) {
        return new RecognizerOptions(sampleRate, words, partialWords, maxAlternatives, grammar, endpointer, dir);
    }

    public RecognizerOptions withSampleRate(int rate) {
        return new RecognizerOptions(rate, words, partialWords, maxAlternatives, grammar, endpointer, speakerModel);
    }
}
