package dev.attend.encoders.audio.vad;

/**
 * How speech probabilities become speech segments.
 *
 * @param enterThreshold    probability at which speech may begin
 * @param exitThreshold     probability below which a window counts as silence (hysteresis: at most enter)
 * @param minSpeechSeconds  speech shorter than this is ignored; a start is reported once this much speech was seen
 * @param minSilenceSeconds silence must last this long to end a segment (shorter pauses stay inside it)
 * @param speechPadSeconds  added before the start and after the end of each segment
 */
public record VadOptions(double enterThreshold, double exitThreshold, double minSpeechSeconds,
                         double minSilenceSeconds, double speechPadSeconds) {

    public VadOptions {
        if (!(enterThreshold > 0 && enterThreshold < 1)) {
            throw new IllegalArgumentException("VAD enter threshold must be in (0, 1): " + enterThreshold);
        }
        if (!(exitThreshold > 0 && exitThreshold <= enterThreshold)) {
            throw new IllegalArgumentException("VAD exit threshold must be in (0, enter threshold "
                    + enterThreshold + "]: " + exitThreshold);
        }
        if (minSpeechSeconds < 0 || minSilenceSeconds < 0 || speechPadSeconds < 0) {
            throw new IllegalArgumentException("VAD durations must not be negative");
        }
    }

    /** Silero's usual settings: 0.5 / 0.35, 250 ms speech, 100 ms silence, 30 ms padding. */
    public static VadOptions defaults() {
        return new VadOptions(0.5, 0.35, 0.25, 0.1, 0.03);
    }
}
