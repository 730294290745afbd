package dev.attend.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResamplerTest {

    private static final int OUT = 16_000;
    private static final int FFT = 16_384; // ~1 Hz bins at 16 kHz

    private static float[] resampleAll(int in, float[] x) {
        Resampler r = new Resampler(in, OUT);
        float[] a = r.process(x);
        float[] b = r.flush();
        float[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @ParameterizedTest(name = "{0} Hz sine at {1} Hz keeps its frequency")
    @CsvSource({"440, 44100", "1000, 44100", "3000, 44100", "7000, 44100",
        "440, 48000", "1000, 48000", "3000, 48000", "7000, 48000", "1234, 22050", "1000, 8000", "3500, 8000"})
    void sineKeepsFrequency(double freq, int inRate) {
        float[] out = resampleAll(inRate, Spectrum.sine(freq, inRate, inRate * 2, 0.5));
        double peak = Spectrum.peakFrequency(out, 4000, FFT, OUT);
        assertThat(peak).isCloseTo(freq, within(Spectrum.binWidth(FFT, OUT)));
    }

    @ParameterizedTest(name = "{0} Hz sine at {1} Hz keeps its level")
    @CsvSource({"1000, 44100", "6000, 44100", "1000, 48000", "6000, 48000", "1000, 8000", "3000, 8000"})
    void passBandLevelIsKept(double freq, int inRate) {
        float[] out = resampleAll(inRate, Spectrum.sine(freq, inRate, inRate * 2, 0.5));
        double gainDb = Spectrum.db(Spectrum.rms(out, 4000, out.length - 4000) / (0.5 / Math.sqrt(2)));
        assertThat(gainDb).isCloseTo(0, within(0.1));
    }

    @Test
    void outputIsTheIdealSineAtTheNewRateWithoutDelay() {
        // zero group delay: sample n is the input signal's value at n / 16000 s, so timestamps stay exact
        float[] out = resampleAll(44_100, Spectrum.sine(1000, 44_100, 44_100, 0.5));
        float[] ideal = Spectrum.sine(1000, OUT, out.length, 0.5);
        for (int i = 1000; i < out.length - 1000; i++) {
            assertThat(out[i]).as("sample %d", i).isCloseTo(ideal[i], within(2e-3f));
        }
    }

    @ParameterizedTest(name = "{0} Hz at {1} Hz is attenuated by at least 40 dB")
    @CsvSource({"9000, 44100", "10000, 44100", "12000, 44100", "15000, 44100", "20000, 44100",
        "9000, 48000", "10000, 48000", "12000, 48000", "20000, 48000", "23000, 48000"})
    void contentAboveEightKilohertzIsRemoved(double freq, int inRate) {
        float[] in = Spectrum.sine(freq, inRate, inRate * 2, 0.5);
        float[] out = resampleAll(inRate, in);
        double attenuation = Spectrum.db(Spectrum.rms(out, 2000, out.length - 2000)
                / Spectrum.rms(in, 0, in.length));
        assertThat(attenuation).isLessThanOrEqualTo(-40);
    }

    @Test
    void aliasOfAMixedSignalStaysFortyDecibelsBelowTheWantedTone() {
        int rate = 44_100;
        float[] a = Spectrum.sine(1000, rate, rate * 2, 0.4);
        float[] b = Spectrum.sine(12_000, rate, rate * 2, 0.4);
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        float[] out = resampleAll(rate, a);
        double[] mag = Spectrum.magnitudes(out, 4000, FFT);
        int tone = (int) Math.round(1000 / Spectrum.binWidth(FFT, OUT));
        int alias = (int) Math.round(4000 / Spectrum.binWidth(FFT, OUT)); // 12 kHz folds to 16 - 12 = 4 kHz
        double aliasMax = 0;
        for (int k = alias - 3; k <= alias + 3; k++) {
            aliasMax = Math.max(aliasMax, mag[k]);
        }
        assertThat(Spectrum.db(aliasMax / mag[tone])).isLessThanOrEqualTo(-40);
    }

    @Test
    void upsamplingFromEightKilohertzKeepsTheToneAndRemovesTheImage() {
        float[] out = resampleAll(8000, Spectrum.sine(1000, 8000, 16_000, 0.5));
        assertThat(out).hasSize(32_000);
        double[] mag = Spectrum.magnitudes(out, 4000, FFT);
        int tone = (int) Math.round(1000 / Spectrum.binWidth(FFT, OUT));
        int image = (int) Math.round(7000 / Spectrum.binWidth(FFT, OUT)); // zero-stuffing image at 8 - 1 kHz
        assertThat(Spectrum.peakFrequency(out, 4000, FFT, OUT)).isCloseTo(1000, within(1.0));
        assertThat(Spectrum.db(mag[image] / mag[tone])).isLessThanOrEqualTo(-60);
    }

    @ParameterizedTest(name = "{0} samples at {1} Hz give ceil(n * 16000 / rate)")
    @CsvSource({"0, 44100", "1, 44100", "2, 44100", "441, 44100", "442, 44100", "44100, 44100", "118552, 44100",
        "100003, 48000", "3, 48000", "7, 22050", "22051, 22050", "5, 8000", "12345, 8000", "999, 32000",
        "1000, 16000", "12345, 11025", "777, 96000"})
    void outputLengthIsCeilOfScaledInput(int n, int inRate) {
        float[] out = resampleAll(inRate, Spectrum.sine(300, inRate, n, 0.5));
        long expected = (long) Math.ceil(n * (double) OUT / inRate - 1e-9);
        assertThat(out.length).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} Hz in odd blocks equals one block")
    @CsvSource({"44100", "48000", "8000", "22050", "16000"})
    void streamingInOddBlocksGivesTheSameOutput(int inRate) {
        float[] x = Spectrum.sine(523.25, inRate, inRate + 777, 0.7);
        float[] whole = resampleAll(inRate, x);

        Resampler r = new Resampler(inRate, OUT);
        float[] streamed = new float[0];
        int[] sizes = {1, 7, 3, 1000, 13, 4096, 2, 511, 99_999};
        int pos = 0;
        for (int i = 0; pos < x.length; i++) {
            int len = Math.min(sizes[i % sizes.length], x.length - pos);
            streamed = concat(streamed, r.process(x, pos, len));
            pos += len;
        }
        streamed = concat(streamed, r.flush());
        assertThat(Arrays.equals(streamed, whole)).as("identical samples").isTrue();
        assertThat(r.outputCount()).isEqualTo(whole.length);
    }

    @Test
    void equalRatesPassSamplesThrough() {
        float[] x = Spectrum.sine(1000, OUT, 5000, 0.9);
        assertThat(resampleAll(OUT, x)).containsExactly(x);
    }

    private static float[] concat(float[] a, float[] b) {
        float[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
