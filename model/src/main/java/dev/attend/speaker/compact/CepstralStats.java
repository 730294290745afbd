package dev.attend.speaker.compact;

import dev.attend.audio.Fft;

/**
 * Per-utterance speaker features: MFCCs as vosk-model-spk-0.4's {@code mfcc.conf} describes them (23 mel bands
 * 20–3700 Hz, 23 cepstra), taken from 16 kHz audio, over the frames whose energy is within 30 dB of the loudest
 * (speech), pooled to their mean and standard deviation. Cheap on purpose: a 25 ms window every 40 ms (speaker
 * statistics need no 10 ms resolution; 40 ms halves the cost of 20 ms at the same measured accuracy), one
 * 512-point FFT per two frames. Not thread-safe (reuses its buffers).
 */
public final class CepstralStats {

    public static final int SAMPLE_RATE = 16000;
    public static final int BANDS = 23;
    public static final int CEPS = 23;
    /** Length of {@link #of}'s result: means then standard deviations. */
    public static final int DIM = 2 * CEPS;
    static final int WINDOW = 400;
    static final int HOP = 640;
    static final int FFT = 512;
    static final double LOW_HZ = 20;
    static final double HIGH_HZ = 3700;
    /** Frames quieter than the loudest by more than this (natural log of power, 30 dB) are not speech. */
    static final double SPEECH_RANGE = 6.9;
    /** Fewest speech frames for a vector (≈ 0.5 s); fewer give none, as libvosk gives none under 50 frames. */
    public static final int MIN_FRAMES = 12;

    private final double[] window = new double[WINDOW];
    private final float[][] filters = new float[BANDS][];
    private final int[] filterStart = new int[BANDS];
    private final double[][] dct = new double[CEPS][BANDS];
    private final double[] re = new double[FFT];
    private final double[] im = new double[FFT];
    private final int maxBin;
    private final double[] powerA;
    private final double[] powerB;

    public CepstralStats() {
        for (int i = 0; i < WINDOW; i++) {
            window[i] = Math.pow(0.5 - 0.5 * Math.cos(2 * Math.PI * i / (WINDOW - 1)), 0.85); // Kaldi's "povey"
        }
        double lo = mel(LOW_HZ);
        double hi = mel(HIGH_HZ);
        double binHz = (double) SAMPLE_RATE / FFT;
        for (int b = 0; b < BANDS; b++) {
            double left = lo + (hi - lo) * b / (BANDS + 1);
            double centre = lo + (hi - lo) * (b + 1) / (BANDS + 1);
            double right = lo + (hi - lo) * (b + 2) / (BANDS + 1);
            int first = (int) Math.ceil(hz(left) / binHz);
            int last = (int) Math.floor(hz(right) / binHz);
            filters[b] = new float[Math.max(0, last - first + 1)];
            filterStart[b] = first;
            for (int k = first; k <= last; k++) {
                double m = mel(k * binHz);
                double w = m <= centre ? (m - left) / (centre - left) : (right - m) / (right - centre);
                filters[b][k - first] = (float) Math.max(0, w);
            }
        }
        maxBin = filterStart[BANDS - 1] + filters[BANDS - 1].length;
        powerA = new double[maxBin + 1];
        powerB = new double[maxBin + 1];
        for (int c = 0; c < CEPS; c++) {
            for (int b = 0; b < BANDS; b++) {
                dct[c][b] = Math.sqrt(2.0 / BANDS) * Math.cos(Math.PI * c * (b + 0.5) / BANDS);
            }
        }
    }

    static double mel(double hz) {
        return 1127 * Math.log(1 + hz / 700);
    }

    static double hz(double mel) {
        return 700 * (Math.exp(mel / 1127) - 1);
    }

    /** Number of frames in {@code n} samples. */
    static int frames(int n) {
        return n < WINDOW ? 0 : 1 + (n - WINDOW) / HOP;
    }

    /**
     * Log mel band energies of every frame of {@code samples[from, to)} (16 kHz, full scale ±1), one row per frame,
     * and each frame's log energy in {@code energy} (length ≥ frame count). Two real frames share one complex FFT
     * (one in the real, one in the imaginary part), which halves the transforms.
     */
    public float[][] logMel(float[] samples, int from, int to, double[] energy) {
        int n = frames(to - from);
        float[][] out = new float[n][BANDS];
        for (int f = 0; f < n; f += 2) {
            energy[f] = Math.log(Math.max(windowed(samples, from + f * HOP, re), 1e-10));
            if (f + 1 < n) {
                energy[f + 1] = Math.log(Math.max(windowed(samples, from + (f + 1) * HOP, im), 1e-10));
            } else {
                java.util.Arrays.fill(im, 0);
            }
            java.util.Arrays.fill(re, WINDOW, FFT, 0);
            java.util.Arrays.fill(im, WINDOW, FFT, 0);
            Fft.transform(re, im);
            for (int k = 0; k <= maxBin; k++) {
                int m = (FFT - k) % FFT;
                double a = re[k];
                double b = im[k];
                double c = re[m];
                double d = im[m];
                powerA[k] = ((a + c) * (a + c) + (b - d) * (b - d)) / 4;
                powerB[k] = ((b + d) * (b + d) + (a - c) * (a - c)) / 4;
            }
            bands(powerA, out[f]);
            if (f + 1 < n) {
                bands(powerB, out[f + 1]);
            }
        }
        return out;
    }

    /** Frame at {@code s} without its mean, pre-emphasised and windowed into {@code into}; returns its energy. */
    private double windowed(float[] samples, int s, double[] into) {
        double mean = 0;
        for (int i = 0; i < WINDOW; i++) {
            mean += samples[s + i];
        }
        mean /= WINDOW;
        double e = 0;
        double prev = samples[s] - mean;
        for (int i = 0; i < WINDOW; i++) {
            double x = samples[s + i] - mean;
            e += x * x;
            into[i] = (x - 0.97 * prev) * window[i]; // pre-emphasis, then the window
            prev = x;
        }
        return e;
    }

    private void bands(double[] power, float[] out) {
        for (int b = 0; b < BANDS; b++) {
            double sum = 0;
            float[] w = filters[b];
            for (int k = 0; k < w.length; k++) {
                sum += w[k] * power[filterStart[b] + k];
            }
            out[b] = (float) Math.log(Math.max(sum, 1e-10));
        }
    }

    /**
     * Means then standard deviations of the MFCCs over the speech frames of {@code samples[from, to)}, or null when
     * fewer than {@link #MIN_FRAMES} frames are speech.
     */
    public double[] of(float[] samples, int from, int to) {
        int n = frames(to - from);
        double[] energy = new double[Math.max(n, 1)];
        float[][] mel = logMel(samples, from, to, energy);
        double max = Double.NEGATIVE_INFINITY;
        for (int f = 0; f < n; f++) {
            max = Math.max(max, energy[f]);
        }
        double[] sum = new double[CEPS];
        double[] sq = new double[CEPS];
        int used = 0;
        for (int f = 0; f < n; f++) {
            if (energy[f] < max - SPEECH_RANGE) {
                continue;
            }
            used++;
            for (int c = 0; c < CEPS; c++) {
                double v = 0;
                double[] d = dct[c];
                for (int b = 0; b < BANDS; b++) {
                    v += d[b] * mel[f][b];
                }
                sum[c] += v;
                sq[c] += v * v;
            }
        }
        if (used < MIN_FRAMES) {
            return null;
        }
        double[] out = new double[DIM];
        for (int c = 0; c < CEPS; c++) {
            double m = sum[c] / used;
            out[c] = m;
            out[CEPS + c] = Math.sqrt(Math.max(0, sq[c] / used - m * m));
        }
        return out;
    }
}
