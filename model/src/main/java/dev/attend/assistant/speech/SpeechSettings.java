package dev.attend.assistant.speech;

/**
 * How replies are spoken.
 *
 * @param mute  show and log replies only
 * @param voice engine voice name (espeak-ng: e.g. {@code en-us+f3}); null = the engine's voice for the reply language
 * @param rate  words per minute, 80–450 (espeak-ng's default is 175)
 */
public record SpeechSettings(boolean mute, String voice, int rate) {

    public static final int DEFAULT_RATE = 175;

    public SpeechSettings {
        if (rate < 80 || rate > 450) {
            throw new IllegalArgumentException("speech rate must be 80–450 words per minute, not " + rate);
        }
        voice = voice == null || voice.isBlank() ? null : voice.strip();
    }

    public static SpeechSettings defaults() {
        return new SpeechSettings(false, null, DEFAULT_RATE);
    }
}
