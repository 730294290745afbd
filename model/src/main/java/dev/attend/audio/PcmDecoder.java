package dev.attend.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import javax.sound.sampled.AudioFormat;

/**
 * Turns interleaved PCM bytes of any width, signedness, byte order and channel count into mono floats in [-1, 1]
 * (channels averaged). Supports integer PCM of 8, 16, 24 and 32 bits and 32-bit float.
 */
public final class PcmDecoder {

    private final AudioFormat format;
    private final int bytesPerSample;
    private final int channels;
    private final boolean bigEndian;
    private final boolean signed;
    private final boolean isFloat;

    public PcmDecoder(AudioFormat format) {
        this.format = format;
        AudioFormat.Encoding enc = format.getEncoding();
        this.isFloat = AudioFormat.Encoding.PCM_FLOAT.equals(enc);
        this.signed = AudioFormat.Encoding.PCM_SIGNED.equals(enc) || isFloat;
        if (!isFloat && !signed && !AudioFormat.Encoding.PCM_UNSIGNED.equals(enc)) {
            throw new IllegalArgumentException("not PCM: " + enc);
        }
        int bits = format.getSampleSizeInBits();
        if (bits % 8 != 0 || bits < 8 || bits > 32 || (isFloat && bits != 32)) {
            throw new IllegalArgumentException("unsupported sample size: " + bits + " bits " + enc);
        }
        this.bytesPerSample = bits / 8;
        this.channels = format.getChannels();
        if (channels < 1) {
            throw new IllegalArgumentException("unsupported channel count: " + channels);
        }
        this.bigEndian = format.isBigEndian();
    }

    public static boolean supports(AudioFormat f) {
        try {
            new PcmDecoder(f);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public AudioFormat format() {
        return format;
    }

    /** Bytes per frame (all channels of one sample instant). */
    public int frameSize() {
        return bytesPerSample * channels;
    }

    /** Decodes whole frames from {@code bytes[0, len)}; a trailing partial frame is ignored. */
    public float[] toMono(byte[] bytes, int len) {
        float[] out = new float[len / frameSize()];
        toMono(bytes, len, out);
        return out;
    }

    /**
     * Decodes whole frames from {@code bytes[0, len)} into {@code out} (at least {@code len / frameSize()} long), so
     * a reader can reuse one buffer; a trailing partial frame is ignored.
     *
     * @return the number of samples written
     */
    public int toMono(byte[] bytes, int len, float[] out) {
        int frames = len / frameSize();
        if (out.length < frames) {
            throw new IllegalArgumentException("output holds " + out.length + " samples, " + frames + " needed");
        }
        if (bytesPerSample == 2 && signed && !bigEndian && channels <= 2) {
            // the common case (WAV, capture lines), one bulk view instead of per-byte assembly; the scale is a power
            // of two, so the result is bit-identical to the general path below
            ShortBuffer s = ByteBuffer.wrap(bytes, 0, frames * 2 * channels).order(ByteOrder.LITTLE_ENDIAN)
                    .asShortBuffer();
            if (channels == 1) {
                for (int f = 0; f < frames; f++) {
                    out[f] = s.get(f) * (1f / 32768f);
                }
            } else {
                for (int f = 0; f < frames; f++) {
                    out[f] = (s.get(2 * f) + s.get(2 * f + 1)) * (1f / 65536f);
                }
            }
            return frames;
        }
        int p = 0;
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += sample(bytes, p);
                p += bytesPerSample;
            }
            out[f] = (float) (sum / channels);
        }
        return frames;
    }

    private double sample(byte[] b, int p) {
        long v = 0;
        for (int i = 0; i < bytesPerSample; i++) {
            int byteIndex = bigEndian ? p + i : p + bytesPerSample - 1 - i;
            v = (v << 8) | (b[byteIndex] & 0xff);
        }
        int bits = bytesPerSample * 8;
        if (isFloat) {
            return Float.intBitsToFloat((int) v);
        }
        if (signed) {
            v = (v << (64 - bits)) >> (64 - bits); // sign-extend
        } else {
            v -= 1L << (bits - 1);
        }
        return v / (double) (1L << (bits - 1));
    }
}
