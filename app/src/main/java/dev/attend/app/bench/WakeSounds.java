package dev.attend.app.bench;

import dev.attend.media.AudioChunk;
import java.util.Random;

/** Seeded non-speech sounds for the false-accept corpus: coloured noise, melodies, beeps, a noise floor. */
final class WakeSounds {

    private static final int RATE = AudioChunk.SAMPLE_RATE;
    /** About −76 dBFS: a quiet microphone's self-noise. */
    private static final double FLOOR = 1.5e-4;
    private static final double[] MAJOR = {0, 2, 4, 5, 7, 9, 11, 12};
    private static final double[] PENTATONIC = {0, 2, 4, 7, 9, 12};

    private WakeSounds() {
    }

    /** White, pink or brown noise at −50 to −15 dBFS RMS, 50 ms fades. */
    static float[] noise(Random rnd, double seconds) {
        float[] s = colored(rnd, (int) (seconds * RATE), rnd.nextInt(3));
        scaleRms(s, db(-50 + 35 * rnd.nextDouble()));
        fade(s, 0.05);
        return s;
    }

    /** Adds pink noise {@code snrDb} below the signal's RMS. */
    static void addNoiseAtSnr(float[] signal, Random rnd, double snrDb) {
        float[] n = colored(rnd, signal.length, 1);
        scaleRms(n, rms(signal) * db(-snrDb));
        for (int i = 0; i < signal.length; i++) {
            signal[i] += n[i];
        }
    }

    /** Notes of a major or pentatonic scale, one to three at a time, with harmonics and a decaying envelope. */
    static float[] melody(Random rnd, double seconds) {
        float[] s = new float[(int) (seconds * RATE)];
        double[] scale = rnd.nextBoolean() ? MAJOR : PENTATONIC;
        double root = 110 * Math.pow(2, 2 * rnd.nextDouble());
        int partials = 1 + rnd.nextInt(6);
        double rolloff = 0.5 + 1.5 * rnd.nextDouble();
        int pos = 0;
        while (pos < s.length) {
            int len = (int) ((0.1 + 0.5 * rnd.nextDouble()) * RATE);
            int voices = 1 + rnd.nextInt(3);
            for (int v = 0; v < voices; v++) {
                double f = root * Math.pow(2, (scale[rnd.nextInt(scale.length)] + 12 * rnd.nextInt(2)) / 12.0);
                for (int k = 0; k < len * 3 / 2 && pos + k < s.length; k++) {
                    double t = k / (double) RATE;
                    double env = Math.min(1, t / 0.01) * Math.exp(-t * (2 + 6 * (1 - rolloff / 2)));
                    double x = 0;
                    for (int h = 1; h <= partials && f * h < RATE / 2.0; h++) {
                        x += Math.sin(2 * Math.PI * f * h * t) / Math.pow(h, rolloff);
                    }
                    s[pos + k] += (float) (env * x / voices);
                }
            }
            pos += len;
        }
        scalePeak(s, db(-30 + 22 * rnd.nextDouble()));
        fade(s, 0.02);
        return s;
    }

    /** Beeps: a sine (200 Hz–3 kHz) switching on and off, like an alarm or a phone. */
    static float[] beeps(Random rnd, double seconds) {
        float[] s = new float[(int) (seconds * RATE)];
        double f = 200 * Math.pow(15, rnd.nextDouble());
        int on = (int) ((0.05 + 0.4 * rnd.nextDouble()) * RATE);
        int off = (int) ((0.05 + 0.4 * rnd.nextDouble()) * RATE);
        for (int i = 0; i < s.length; i++) {
            if (i % (on + off) < on) {
                s[i] = (float) Math.sin(2 * Math.PI * f * i / RATE);
            }
        }
        scalePeak(s, db(-30 + 20 * rnd.nextDouble()));
        return s;
    }

    /** Adds the faint Gaussian floor everywhere, so no stretch is digital silence. */
    static void addFloor(float[] s, Random rnd) {
        for (int i = 0; i < s.length; i++) {
            s[i] += (float) (FLOOR * rnd.nextGaussian());
        }
    }

    /** 0 white, 1 pink (Kellet's filter), 2 brown (leaky integrator). */
    private static float[] colored(Random rnd, int n, int color) {
        float[] s = new float[n];
        double b0 = 0;
        double b1 = 0;
        double b2 = 0;
        double brown = 0;
        for (int i = 0; i < n; i++) {
            double w = rnd.nextGaussian();
            s[i] = (float) switch (color) {
                case 1 -> {
                    b0 = 0.99765 * b0 + w * 0.0990460;
                    b1 = 0.96300 * b1 + w * 0.2965164;
                    b2 = 0.57000 * b2 + w * 1.0526913;
                    yield b0 + b1 + b2 + w * 0.1848;
                }
                case 2 -> brown = 0.995 * brown + 0.1 * w;
                default -> w;
            };
        }
        return s;
    }

    private static double db(double d) {
        return Math.pow(10, d / 20);
    }

    private static double rms(float[] s) {
        double e = 0;
        for (float v : s) {
            e += v * v;
        }
        return Math.sqrt(e / Math.max(1, s.length));
    }

    private static void scaleRms(float[] s, double target) {
        double g = target / Math.max(1e-12, rms(s));
        for (int i = 0; i < s.length; i++) {
            s[i] *= (float) g;
        }
    }

    private static void scalePeak(float[] s, double target) {
        float p = 1e-9f;
        for (float v : s) {
            p = Math.max(p, Math.abs(v));
        }
        double g = target / p;
        for (int i = 0; i < s.length; i++) {
            s[i] *= (float) g;
        }
    }

    private static void fade(float[] s, double seconds) {
        int n = Math.min(s.length / 2, (int) (seconds * RATE));
        for (int i = 0; i < n; i++) {
            float g = i / (float) n;
            s[i] *= g;
            s[s.length - 1 - i] *= g;
        }
    }
}
