package dev.attend.encoders.audio.features;

/**
 * One 10 ms log-mel frame, already scaled the openWakeWord way ({@code x/10 + 2}).
 *
 * @param index frame number from the start of the stream
 * @param t     media time of the end of the frame's 32 ms analysis window
 * @param bins  32 mel bins, low to high; do not modify
 */
public record MelFrame(long index, double t, float[] bins) {

    public static final int BINS = 32;
    /** Hop between frames. */
    public static final double HOP_SECONDS = 0.010;
    /** Analysis window of one frame (512 samples). */
    public static final double WINDOW_SECONDS = 0.032;
}
