package dev.attend.speaker.compact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CepstralStatsTest {

    private static float[] sine(double hz, double seconds, double amplitude) {
        float[] x = new float[(int) (seconds * CepstralStats.SAMPLE_RATE)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / CepstralStats.SAMPLE_RATE));
        }
        return x;
    }

    /** The band whose centre frequency is nearest {@code hz} (23 mel bands, 20–3700 Hz). */
    private static int nearestBand(double hz) {
        double lo = CepstralStats.mel(CepstralStats.LOW_HZ);
        double hi = CepstralStats.mel(CepstralStats.HIGH_HZ);
        int best = 0;
        for (int b = 0; b < CepstralStats.BANDS; b++) {
            double centre = CepstralStats.hz(lo + (hi - lo) * (b + 1) / (CepstralStats.BANDS + 1));
            double bestCentre = CepstralStats.hz(lo + (hi - lo) * (best + 1) / (CepstralStats.BANDS + 1));
            if (Math.abs(centre - hz) < Math.abs(bestCentre - hz)) {
                best = b;
            }
        }
        return best;
    }

    @Test
    void aSinePeaksInTheMelBandAroundItsFrequencyInEveryFrame() {
        CepstralStats stats = new CepstralStats();
        for (double hz : new double[] {300, 1000, 2500}) {
            float[] x = sine(hz, 1.0, 0.5);
            double[] energy = new double[100];
            float[][] mel = stats.logMel(x, 0, x.length, energy);
            assertThat(mel).hasNumberOfRows(CepstralStats.frames(x.length));
            for (float[] frame : mel) { // odd and even frames share one FFT: both must be right
                int peak = 0;
                for (int b = 1; b < frame.length; b++) {
                    peak = frame[b] > frame[peak] ? b : peak;
                }
                assertThat(peak).as("%s Hz", hz).isEqualTo(nearestBand(hz));
            }
        }
    }

    @Test
    void silenceAndTooLittleSpeechGiveNoFeaturesButASecondOfToneDoes() {
        CepstralStats stats = new CepstralStats();
        assertThat(stats.of(new float[16000], 0, 16000)).isNotNull().hasSize(CepstralStats.DIM); // flat: all "loud"
        float[] x = new float[32000];
        System.arraycopy(sine(500, 0.2, 0.5), 0, x, 8000, 3200); // 0.2 s of tone in 2 s of silence
        assertThat(stats.of(x, 0, x.length)).as("about 5 loud frames < MIN_FRAMES").isNull();
        assertThat(stats.of(sine(500, 1.0, 0.5), 0, 16000)).hasSize(CepstralStats.DIM);
        assertThat(stats.of(x, 0, 100)).as("shorter than one frame").isNull();
    }
}
