package dev.attend.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * A run of 16 kHz mono audio. Samples are floats in [-1, 1]; {@link #toPcm16le()} gives the 16-bit form recognizers
 * want. The array is owned by the chunk: producers hand over a fresh array and consumers never modify it.
 */
public record AudioChunk(long seq, double t, float[] samples, long enteredNanos) implements MediaItem {

    /** The pipeline's one audio rate. */
    public static final int SAMPLE_RATE = 16_000;

    public AudioChunk {
        Objects.requireNonNull(samples, "samples");
        if (seq < 0) {
            throw new IllegalArgumentException("seq must be >= 0: " + seq);
        }
    }

    public int length() {
        return samples.length;
    }

    public double duration() {
        return samples.length / (double) SAMPLE_RATE;
    }

    public double endTime() {
        return t + duration();
    }

    /** Samples as 16-bit integers, clipped. */
    public short[] toPcm16() {
        short[] out = new short[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = toShort(samples[i]);
        }
        return out;
    }

    /** Samples as 16-bit little-endian PCM bytes, clipped. */
    public byte[] toPcm16le() {
        ByteBuffer buf = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float s : samples) {
            buf.putShort(toShort(s));
        }
        return buf.array();
    }

    static short toShort(float s) {
        float scaled = Math.round(s * 32768f);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, scaled));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AudioChunk c && c.seq == seq && c.t == t && java.util.Arrays.equals(c.samples, samples);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(seq) * 31 + Double.hashCode(t);
    }

    @Override
    public String toString() {
        return "AudioChunk[seq=" + seq + ", t=" + t + ", n=" + samples.length + "]";
    }
}
