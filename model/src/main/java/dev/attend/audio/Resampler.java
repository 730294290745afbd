package dev.attend.audio;

import java.util.Arrays;

/**
 * Streaming band-limited sample-rate converter: a rational polyphase filter (up by L, down by M) with a
 * Kaiser-windowed sinc low-pass at 0.925 of the lower Nyquist frequency, ≥ 80 dB stop band from the lower Nyquist
 * frequency up. Zero group delay: output sample n is the input's value at time n / outRate, so timestamps stay
 * exact. Hand-written because no maintained pure-Java resampler exists on Maven Central, and FFmpeg's would tie the
 * microphone path to its natives.
 *
 * <p>Feed any number of samples with {@link #process}; call {@link #flush} once at the end of the stream to get
 * the tail. Not thread-safe: one instance per stream.
 */
public final class Resampler {

    private static final double STOPBAND_DB = 80;

    private final int inRate;
    private final int outRate;
    private final int up;     // L
    private final int down;   // M
    private final float[] filter;   // length taps, at rate inRate * up, scaled by up
    private final int delay;        // (taps - 1) / 2, in up-sampled samples
    private final boolean passThrough;
    // the same filter split into its L phases, each contiguous and zero-padded to perPhase taps:
    // poly[p * perPhase + k] = filter[p + k * L]; an output sample is one dot product over one phase
    private final float[] poly;
    private final int perPhase;

    private float[] history = new float[0];
    private long historyStart;  // absolute input index of history[0]
    private long inputCount;    // input samples received
    private long outputCount;   // output samples produced

    public Resampler(int inRate, int outRate) {
        if (inRate <= 0 || outRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive: " + inRate + " -> " + outRate);
        }
        this.inRate = inRate;
        this.outRate = outRate;
        int g = gcd(inRate, outRate);
        this.up = outRate / g;
        this.down = inRate / g;
        this.passThrough = inRate == outRate;
        if (passThrough) {
            filter = new float[0];
            poly = new float[0];
            perPhase = 0;
            delay = 0;
            return;
        }
        double nyquist = Math.min(inRate, outRate) / 2.0;
        double passEdge = 0.85 * nyquist;
        double stopEdge = nyquist;
        double cutoff = (passEdge + stopEdge) / 2;             // Hz
        double transition = stopEdge - passEdge;                 // Hz
        double fsUp = (double) inRate * up;                      // rate of the virtual up-sampled signal
        double beta = 0.1102 * (STOPBAND_DB - 8.7);
        int designTaps = (int) Math.ceil((STOPBAND_DB - 8) / (2.285 * 2 * Math.PI * transition / inRate)) + 1;
        int taps = designTaps * up;
        if (taps % 2 == 0) {
            taps++;
        }
        this.delay = (taps - 1) / 2;
        this.filter = new float[taps];
        double fc = cutoff / fsUp;                               // cycles per up-sampled sample
        double i0Beta = besselI0(beta);
        for (int i = 0; i < taps; i++) {
            double x = i - delay;
            double sinc = x == 0 ? 2 * fc : Math.sin(2 * Math.PI * fc * x) / (Math.PI * x);
            double r = 2.0 * i / (taps - 1) - 1;
            double w = besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / i0Beta;
            filter[i] = (float) (sinc * w * up);
        }
        this.perPhase = (taps + up - 1) / up;
        this.poly = new float[up * perPhase];
        for (int p = 0; p < up; p++) {
            for (int k = 0; k < this.perPhase && p + k * up < taps; k++) {
                poly[p * this.perPhase + k] = filter[p + k * up];
            }
        }
    }

    public int inRate() {
        return inRate;
    }

    public int outRate() {
        return outRate;
    }

    /** Filter length in up-sampled taps (0 when rates are equal). */
    public int taps() {
        return filter.length;
    }

    /** Resamples the next block of input; returns what can be produced so far (possibly empty). */
    public float[] process(float[] in) {
        return process(in, 0, in.length);
    }

    public float[] process(float[] in, int off, int len) {
        if (passThrough) {
            inputCount += len;
            outputCount += len;
            return Arrays.copyOfRange(in, off, off + len);
        }
        append(in, off, len);
        // output n needs input indices up to floor((n*M + delay) / L) <= inputCount - 1
        long maxN = Math.floorDiv(inputCount * up - 1 - delay, down);
        return produceUpTo(maxN);
    }

    /** End of stream: the remaining outputs, treating input beyond the end as silence. */
    public float[] flush() {
        if (passThrough) {
            return new float[0];
        }
        long total = Math.floorDiv(inputCount * up + down - 1, down); // ceil(inputCount * L / M)
        return produceUpTo(total - 1);
    }

    /** Output samples produced so far. */
    public long outputCount() {
        return outputCount;
    }

    private float[] produceUpTo(long maxN) {
        if (maxN < outputCount) {
            return new float[0];
        }
        int count = (int) (maxN - outputCount + 1);
        float[] out = new float[count];
        for (int k = 0; k < count; k++) {
            out[k] = sample(outputCount + k);
        }
        outputCount += count;
        trimHistory();
        return out;
    }

    private float sample(long n) {
        long pos = n * down + delay;               // up-sampled index of the filter's end
        long iMax = Math.floorDiv(pos, up);        // newest input sample under the filter
        int off = (int) (pos - iMax * up) * perPhase;
        long oldest = iMax - perPhase + 1;
        double acc = 0;
        if (oldest >= historyStart && iMax < inputCount) {
            int base = (int) (iMax - historyStart);
            for (int k = 0; k < perPhase; k++) {
                acc += history[base - k] * poly[off + k];
            }
        } else {
            for (int k = 0; k < perPhase; k++) {
                long i = iMax - k;
                if (i < historyStart || i >= inputCount) {
                    continue; // before the start or past the end: silence
                }
                acc += history[(int) (i - historyStart)] * poly[off + k];
            }
        }
        return (float) acc;
    }

    private void append(float[] in, int off, int len) {
        int keep = (int) (inputCount - historyStart);
        if (keep + len > history.length) {
            history = Arrays.copyOf(history, Math.max(keep + len, history.length * 2));
        }
        System.arraycopy(in, off, history, keep, len);
        inputCount += len;
    }

    private void trimHistory() {
        long pos = outputCount * down + delay;
        long needFrom = Math.max(0, Math.floorDiv(pos, up) - perPhase + 1); // oldest input the next output reads
        int drop = (int) Math.min(needFrom - historyStart, inputCount - historyStart);
        if (drop > 0) {
            int keep = (int) (inputCount - historyStart) - drop;
            System.arraycopy(history, drop, history, 0, keep);
            historyStart += drop;
        }
    }

    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double half = x / 2;
        for (int k = 1; k < 50; k++) {
            term *= (half / k) * (half / k);
            sum += term;
            if (term < 1e-12 * sum) {
                break;
            }
        }
        return sum;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
