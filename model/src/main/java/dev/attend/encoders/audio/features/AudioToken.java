package dev.attend.encoders.audio.features;

/**
 * One item of the audio token stream: a 96-d Google speech embedding of 76 mel frames (775 ms of audio), one every
 * 80 ms. This is what wake-word heads read and what the fusion transformer will attend over.
 *
 * @param index  token number from the start of the stream
 * @param t      media time of the end of the audio the token covers
 * @param vector 96 floats; do not modify
 */
public record AudioToken(long index, double t, float[] vector) {

    public static final int DIM = 96;
    /** Time between tokens. */
    public static final double HOP_SECONDS = 0.080;
    /** Mel frames per token window. */
    public static final int WINDOW_FRAMES = 76;
    /** Audio a token's window spans: 75 hops of 10 ms plus one 32 ms frame. */
    public static final double SPAN_SECONDS = (WINDOW_FRAMES - 1) * MelFrame.HOP_SECONDS + MelFrame.WINDOW_SECONDS;

    /** Media time of the start of the audio the token covers (earlier than the stream start for the first ones). */
    public double start() {
        return t - SPAN_SECONDS;
    }
}
