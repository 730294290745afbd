package dev.attend.audio;

/** Test-only signal helpers: sines and a radix-2 FFT to find the strongest frequency and the level at a bin. */
public final class Spectrum {

    private Spectrum() {
    }

    public static float[] sine(double freq, int rate, int n, double amplitude) {
        float[] s = new float[n];
        for (int i = 0; i < n; i++) {
            s[i] = (float) (amplitude * Math.sin(2 * Math.PI * freq * i / rate));
        }
        return s;
    }

    /** Hann-windowed magnitude spectrum of the first {@code size} samples (size a power of two). */
    public static double[] magnitudes(float[] x, int from, int size) {
        if (Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("size must be a power of two");
        }
        double[] re = new double[size];
        double[] im = new double[size];
        for (int i = 0; i < size; i++) {
            double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (size - 1));
            re[i] = from + i < x.length ? x[from + i] * w : 0;
        }
        Fft.transform(re, im);
        double[] mag = new double[size / 2 + 1];
        for (int k = 0; k < mag.length; k++) {
            mag[k] = Math.hypot(re[k], im[k]);
        }
        return mag;
    }

    /** Frequency (Hz) of the strongest bin above DC. */
    public static double peakFrequency(float[] x, int from, int size, int rate) {
        double[] mag = magnitudes(x, from, size);
        int best = 1;
        for (int k = 2; k < mag.length; k++) {
            if (mag[k] > mag[best]) {
                best = k;
            }
        }
        return best * (double) rate / size;
    }

    public static double binWidth(int size, int rate) {
        return rate / (double) size;
    }

    public static double rms(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += x[i] * (double) x[i];
        }
        return Math.sqrt(s / Math.max(1, to - from));
    }

    public static double db(double ratio) {
        return 20 * Math.log10(ratio);
    }

}
