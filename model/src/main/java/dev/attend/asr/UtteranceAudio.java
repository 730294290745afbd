package dev.attend.asr;

import dev.attend.speaker.compact.CompactSpeakerModel;

/**
 * The current utterance's audio, kept for the compact speaker vector (libvosk's vector needs none: it lives in the
 * recognizer). Holds at most {@link #MAX_SECONDS}; older samples are dropped. Not thread-safe (the stage thread).
 */
final class UtteranceAudio {

    /** As libvosk, the vector looks at the last 15 s of an utterance at most; a little more is kept for margins. */
    static final double MAX_SECONDS = 16;
    /** Taken before the first word and after the last (word times are the decoder's, frames are 20 ms). */
    static final double MARGIN_SECONDS = 0.1;
    private static final int RATE = 16000;

    private final CompactSpeakerModel model;
    private float[] buf = new float[RATE * 4];
    private int size;
    /** Media time of {@code buf[0]}. */
    private double start;

    UtteranceAudio(CompactSpeakerModel model) {
        this.model = model;
    }

    /** Starts a new utterance at media time {@code t}. */
    void reset(double t) {
        size = 0;
        start = t;
    }

    /** Appends {@code count} samples ({@code samples} null: silence), dropping the oldest beyond the cap. */
    void append(float[] samples, int count) {
        int max = (int) (MAX_SECONDS * RATE);
        int skip = Math.max(0, count - max); // a chunk longer than the cap: only its tail matters
        if (skip > 0) {
            start += (double) (size + skip) / RATE;
            size = 0;
        }
        int n = count - skip;
        if (size + n > buf.length && buf.length < max) {
            buf = java.util.Arrays.copyOf(buf, Math.min(max, Math.max(buf.length * 2, size + n)));
        }
        int drop = Math.max(0, size + n - buf.length);
        if (drop > 0) {
            System.arraycopy(buf, drop, buf, 0, size - drop);
            start += (double) drop / RATE;
            size -= drop;
        }
        if (samples == null) {
            java.util.Arrays.fill(buf, size, size + n, 0f);
        } else {
            System.arraycopy(samples, skip, buf, size, n);
        }
        size += n;
    }

    /** The compact vector of the audio between media times {@code from} and {@code to} (plus margins), or null. */
    float[] vector(double from, double to) {
        int a = Math.max(0, (int) Math.round((from - MARGIN_SECONDS - start) * RATE));
        int b = Math.min(size, (int) Math.round((to + MARGIN_SECONDS - start) * RATE));
        return b - a <= 0 ? null : model.vector(buf, a, b);
    }
}
