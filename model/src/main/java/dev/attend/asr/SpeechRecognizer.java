package dev.attend.asr;

/**
 * A streaming speech recognizer over one audio stream. Times in its results are seconds from the first sample fed
 * (the caller offsets them to media time). Not thread-safe: one owner thread feeds it. Closed exactly once by its
 * owner; later calls fail with {@link IllegalStateException}.
 */
public interface SpeechRecognizer extends AutoCloseable {

    /** Sample rate the audio must have (16-bit little-endian mono). */
    int sampleRate();

    /**
     * Feeds audio.
     *
     * @return the utterance an endpoint inside this audio settled (possibly with empty text when only silence was
     *         heard), or null when the utterance goes on
     */
    RecognitionResult.Utterance acceptPcm16le(byte[] pcm, int length);

    /** Feeds audio as 16-bit samples; otherwise as {@link #acceptPcm16le}. */
    RecognitionResult.Utterance acceptPcm16(short[] samples, int count);

    /** The current guess for the utterance in progress. */
    RecognitionResult.Partial partial();

    /** Ends the stream: settles whatever is pending. The recognizer may be fed again afterwards. */
    RecognitionResult.Utterance finish();

    @Override
    void close();
}
