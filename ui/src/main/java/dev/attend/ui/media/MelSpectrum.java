package dev.attend.ui.media;

import dev.attend.audio.Fft;

/**
 * Log-mel energies for display: Hann window, radix-2 FFT, triangular mel filters (HTK mel scale) from 0 Hz to
 * Nyquist. Not a feature extractor for models — only for the scrolling strip.
 */
public final class MelSpectrum {

    private final int fftSize;
    private final float[] window;
    private final float[][] filters; // [mel][bin]
    private final double[] re;
    private final double[] im;

    public MelSpectrum(int sampleRate, int windowSize, int fftSize, int melBins) {
        if (Integer.bitCount(fftSize) != 1 || windowSize > fftSize) {
            throw new IllegalArgumentException("fftSize must be a power of two ≥ windowSize");
        }
        this.fftSize = fftSize;
        window = new float[windowSize];
        for (int i = 0; i < windowSize; i++) {
            window[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / (windowSize - 1)));
        }
        int bins = fftSize / 2 + 1;
        filters = new float[melBins][bins];
        double maxMel = mel(sampleRate / 2.0);
        double[] edges = new double[melBins + 2];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = hz(maxMel * i / (melBins + 1)) * fftSize / sampleRate;
        }
        for (int m = 0; m < melBins; m++) {
            for (int b = 0; b < bins; b++) {
                double up = (b - edges[m]) / Math.max(1e-9, edges[m + 1] - edges[m]);
                double down = (edges[m + 2] - b) / Math.max(1e-9, edges[m + 2] - edges[m + 1]);
                filters[m][b] = (float) Math.max(0, Math.min(up, down));
            }
        }
        re = new double[fftSize];
        im = new double[fftSize];
    }

    static double mel(double hz) {
        return 2595 * Math.log10(1 + hz / 700);
    }

    static double hz(double mel) {
        return 700 * (Math.pow(10, mel / 2595) - 1);
    }

    public int windowSize() {
        return window.length;
    }

    /** Mel energies in dB of {@code samples[off .. off+windowSize)}. */
    public float[] compute(float[] samples, int off) {
        java.util.Arrays.fill(re, 0);
        java.util.Arrays.fill(im, 0);
        for (int i = 0; i < window.length; i++) {
            re[i] = samples[off + i] * window[i];
        }
        Fft.transform(re, im);
        int bins = fftSize / 2 + 1;
        double[] power = new double[bins];
        for (int b = 0; b < bins; b++) {
            power[b] = re[b] * re[b] + im[b] * im[b];
        }
        float[] out = new float[filters.length];
        for (int m = 0; m < filters.length; m++) {
            double e = 0;
            float[] f = filters[m];
            for (int b = 0; b < bins; b++) {
                e += f[b] * power[b];
            }
            out[m] = (float) (10 * Math.log10(e + 1e-10));
        }
        return out;
    }
}
