package dev.attend.testkit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Speech in the tone language: each word is its tones (150 ms each, 5 ms raised-cosine ramps) at 16 kHz, 16-bit,
 * with silence between words, optional Gaussian noise, and the true span of every word.
 *
 * @param pcm   16-bit mono samples at {@link #SAMPLE_RATE}
 * @param spans the words as spoken, with start/end in seconds from the first sample
 */
public record ToneAudio(short[] pcm, List<WordSpan> spans) {

    public static final int SAMPLE_RATE = 16_000;

    /** One spoken word and where it is. */
    public record WordSpan(String word, double start, double end) {
    }

    public ToneAudio {
        spans = List.copyOf(spans);
    }

    public double seconds() {
        return pcm.length / (double) SAMPLE_RATE;
    }

    /** The words, space-separated. */
    public String text() {
        return String.join(" ", spans.stream().map(WordSpan::word).toList());
    }

    /** Samples as 16-bit little-endian bytes. */
    public byte[] pcm16le() {
        ByteBuffer b = ByteBuffer.allocate(pcm.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : pcm) {
            b.putShort(s);
        }
        return b.array();
    }

    public void writeWav(Path file) throws IOException {
        AudioFormat fmt = new AudioFormat(SAMPLE_RATE, 16, 1, true, false);
        byte[] bytes = pcm16le();
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(bytes), fmt, pcm.length)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }

    /** One utterance: 0.5 s lead silence, words with {@code gap} s between them, 1 s tail, no noise. */
    public static ToneAudio utterance(List<String> words, double gap) {
        return builder().silence(0.5).words(words, gap).silence(1.0).build();
    }

    public static Builder builder() {
        return new Builder(ToneLanguage.defaultWords());
    }

    public static Builder builder(Map<String, int[]> lexicon) {
        return new Builder(lexicon);
    }

    /** Appends silence and words; {@link #build} adds the noise. */
    public static final class Builder {
        private final Map<String, int[]> lexicon;
        private final List<double[]> parts = new ArrayList<>();
        private final List<WordSpan> spans = new ArrayList<>();
        private int samples;
        private double amplitude = 8000;
        private double noiseStd;
        private long seed = 1;

        private Builder(Map<String, int[]> lexicon) {
            this.lexicon = lexicon;
        }

        /** Peak of each tone in 16-bit units (default 8000). */
        public Builder amplitude(double a) {
            if (!(a > 0 && a <= 32767)) {
                throw new IllegalArgumentException("amplitude must be in (0, 32767], not " + a);
            }
            this.amplitude = a;
            return this;
        }

        /** Gaussian noise of this standard deviation (16-bit units) over everything, seeded. */
        public Builder noise(double std, long noiseSeed) {
            if (!(std >= 0) || !Double.isFinite(std)) {
                throw new IllegalArgumentException("noise std must be >= 0, not " + std);
            }
            this.noiseStd = std;
            this.seed = noiseSeed;
            return this;
        }

        public Builder silence(double seconds) {
            if (!(seconds >= 0) || !Double.isFinite(seconds)) {
                throw new IllegalArgumentException("silence must be >= 0 s, not " + seconds);
            }
            append(new double[count(seconds)]);
            return this;
        }

        public Builder word(String w) {
            int[] tones = lexicon.get(w);
            if (tones == null) {
                throw new IllegalArgumentException("'" + w + "' is not a word of the tone language; words: "
                        + String.join(" ", lexicon.keySet()));
            }
            double start = samples / (double) SAMPLE_RATE;
            for (int t : tones) {
                append(tone(ToneLanguage.toneHz(t)));
            }
            spans.add(new WordSpan(w, start, samples / (double) SAMPLE_RATE));
            return this;
        }

        /** Words with {@code gap} seconds of silence between them. */
        public Builder words(List<String> words, double gap) {
            for (int i = 0; i < words.size(); i++) {
                if (i > 0) {
                    silence(gap);
                }
                word(words.get(i));
            }
            return this;
        }

        public ToneAudio build() {
            short[] out = new short[samples];
            Random rnd = new Random(seed);
            int i = 0;
            for (double[] p : parts) {
                for (double v : p) {
                    double x = v + (noiseStd > 0 ? rnd.nextGaussian() * noiseStd : 0);
                    out[i++] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(x)));
                }
            }
            return new ToneAudio(out, spans);
        }

        private void append(double[] p) {
            parts.add(p);
            samples += p.length;
        }

        private static int count(double seconds) {
            return (int) Math.round(seconds * SAMPLE_RATE);
        }

        private double[] tone(double hz) {
            int n = count(ToneLanguage.TONE_SECONDS);
            int ramp = count(0.005);
            double[] x = new double[n];
            for (int k = 0; k < n; k++) {
                double gain = 1.0;
                if (k < ramp) {
                    gain = 0.5 - 0.5 * Math.cos(Math.PI * k / ramp);
                } else if (k >= n - ramp) {
                    gain = 0.5 - 0.5 * Math.cos(Math.PI * (n - 1 - k) / ramp);
                }
                x[k] = gain * amplitude * Math.sin(2 * Math.PI * hz * k / SAMPLE_RATE);
            }
            return x;
        }
    }
}
