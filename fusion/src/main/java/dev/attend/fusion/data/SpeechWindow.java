package dev.attend.fusion.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One utterance placed in a fixed window: the word sounds joined by short random pauses, starting at a random
 * offset, with noise at a random level; the exact word spans; and the mouth opening (0..1) over time from the
 * clean speech's envelope.
 */
public final class SpeechWindow {

    public static final int RATE = 16000;
    private static final int ENV_HOP = 160;
    private final float[] samples;
    private final double[] starts;
    private final double[] ends;
    private final float[] opening;
    private final double snrDb;
    private final double sigma;
    private final boolean lowPassed;

    private SpeechWindow(float[] samples, double[] starts, double[] ends, float[] opening, double snrDb, double sigma,
                         boolean lowPassed) {
        this.samples = samples;
        this.starts = starts;
        this.ends = ends;
        this.opening = opening;
        this.snrDb = snrDb;
        this.sigma = sigma;
        this.lowPassed = lowPassed;
    }

    /** Total speech length with pauses of 40–110 ms. */
    public static int speechSamples(List<float[]> words) {
        int n = 0;
        for (float[] w : words) {
            n += w.length;
        }
        return n + (words.size() - 1) * RATE * 110 / 1000;
    }

    /**
     * @param seconds window length
     * @return null when the words do not fit the window with 0.25 s lead-in and 0.1 s at the end
     */
    public static SpeechWindow place(List<float[]> words, double seconds, Random r) {
        int total = (int) Math.round(seconds * RATE);
        int lead = RATE / 4;
        int need = speechSamples(words);
        if (need + lead + RATE / 10 > total) {
            return null;
        }
        int start = lead + r.nextInt(Math.max(1, total - need - lead - RATE / 10));
        float[] clean = new float[total];
        double[] st = new double[words.size()];
        double[] en = new double[words.size()];
        int pos = start;
        float gain = gain(r);
        for (int i = 0; i < words.size(); i++) {
            float[] w = words.get(i);
            st[i] = pos / (double) RATE;
            for (int k = 0; k < w.length && pos + k < total; k++) {
                clean[pos + k] = w[k] * gain;
            }
            pos += w.length;
            en[i] = pos / (double) RATE;
            pos += RATE * (40 + r.nextInt(71)) / 1000;
        }
        return noisy(clean, st, en, r);
    }

    /** Loudness: from quiet (far from the microphone) to full scale. */
    private static float gain(Random r) {
        return (float) (0.2 + 0.75 * r.nextDouble());
    }

    /**
     * A continuous sentence ({@link Espeak#sentence}) at a random place in the window.
     *
     * @return null when it does not fit the window with 0.25 s lead-in and 0.1 s at the end
     */
    public static SpeechWindow placeSentence(Espeak.Sentence s, double seconds, Random r) {
        int total = (int) Math.round(seconds * RATE);
        int lead = RATE / 4;
        int need = s.samples().length;
        if (need + lead + RATE / 10 > total) {
            return null;
        }
        int start = lead + r.nextInt(Math.max(1, total - need - lead - RATE / 10));
        float[] clean = new float[total];
        float gain = gain(r);
        for (int k = 0; k < need; k++) {
            clean[start + k] = s.samples()[k] * gain;
        }
        int n = s.starts().length;
        double[] st = new double[n];
        double[] en = new double[n];
        for (int i = 0; i < n; i++) {
            st[i] = (start + s.starts()[i]) / (double) RATE;
            en[i] = (start + s.ends()[i]) / (double) RATE;
        }
        return noisy(clean, st, en, r);
    }

    private static SpeechWindow noisy(float[] clean, double[] st, double[] en, Random r) {
        int total = clean.length;
        float[] open = envelope(clean);
        double snr = r.nextDouble() < 0.3 ? Double.POSITIVE_INFINITY : 5 + 30 * r.nextDouble();
        float[] noisy = clean.clone();
        double sigma = 0;
        boolean pink = false;
        if (Double.isFinite(snr)) {
            double power = 0;
            int voiced = 0;
            for (float v : clean) {
                if (v != 0) {
                    power += v * v;
                    voiced++;
                }
            }
            sigma = Math.sqrt(power / Math.max(1, voiced) / Math.pow(10, snr / 10));
            double brown = 0;
            pink = r.nextBoolean();
            for (int i = 0; i < total; i++) {
                double g = r.nextGaussian();
                brown = 0.97 * brown + 0.243 * g; // low-passed noise (about unit variance) for hum-like rooms
                noisy[i] += (float) (sigma * (pink ? brown : g));
            }
        }
        for (int i = 0; i < total; i++) {
            noisy[i] = Math.max(-1f, Math.min(1f, noisy[i]));
        }
        return new SpeechWindow(noisy, st, en, open, snr, sigma, pink);
    }

    /**
     * What the microphone heard before the window: the window's noise (same level and kind; silence when clean),
     * so a streamed window's first tokens see a past as a live command's do.
     */
    public float[] before(int count, Random r) {
        float[] out = new float[count];
        double brown = 0;
        for (int i = 0; i < count && sigma > 0; i++) {
            double g = r.nextGaussian();
            brown = 0.97 * brown + 0.243 * g;
            out[i] = (float) Math.max(-1, Math.min(1, sigma * (lowPassed ? brown : g)));
        }
        return out;
    }

    /** Mouth opening per 10 ms: √(rms / 95th percentile of voiced rms), 30-ms smoothed, clipped to 0..1. */
    private static float[] envelope(float[] clean) {
        int n = clean.length / ENV_HOP;
        float[] rms = new float[n];
        List<Float> voiced = new ArrayList<>();
        for (int f = 0; f < n; f++) {
            double e = 0;
            for (int i = f * ENV_HOP; i < (f + 1) * ENV_HOP; i++) {
                e += clean[i] * clean[i];
            }
            rms[f] = (float) Math.sqrt(e / ENV_HOP);
            if (rms[f] > 1e-3) {
                voiced.add(rms[f]);
            }
        }
        voiced.sort(null);
        float ref = voiced.isEmpty() ? 1f : voiced.get((int) (0.95 * (voiced.size() - 1)));
        float[] out = new float[n];
        for (int f = 0; f < n; f++) {
            double s = 0;
            int c = 0;
            for (int k = Math.max(0, f - 1); k <= Math.min(n - 1, f + 1); k++) {
                s += rms[k];
                c++;
            }
            out[f] = (float) Math.min(1, Math.sqrt(s / c / ref));
        }
        return out;
    }

    /** Mouth opening at media time {@code t} (0 outside the window). */
    public double openingAt(double t) {
        int f = (int) Math.floor(t * RATE / ENV_HOP);
        return f < 0 || f >= opening.length ? 0 : opening[f];
    }

    public float[] samples() {
        return samples;
    }

    public double start(int word) {
        return starts[word];
    }

    public double end(int word) {
        return ends[word];
    }

    public double snrDb() {
        return snrDb;
    }
}
