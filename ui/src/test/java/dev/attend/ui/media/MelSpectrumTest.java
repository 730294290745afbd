package dev.attend.ui.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MelSpectrumTest {

    @Test
    void sinePeaksInTheMelBinThatCoversItsFrequency() {
        MelSpectrum mel = new MelSpectrum(16000, 400, 512, 64);
        float[] s = new float[400];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (0.5 * Math.sin(2 * Math.PI * 1000 * i / 16000.0));
        }
        float[] db = mel.compute(s, 0);
        int peak = 0;
        for (int m = 1; m < db.length; m++) {
            if (db[m] > db[peak]) {
                peak = m;
            }
        }
        // centre of mel bin m: hz(maxMel*(m+1)/65); 1 kHz is nearest to bin 16 on this scale
        double centre = MelSpectrum.hz(MelSpectrum.mel(8000) * (peak + 1) / 65);
        assertThat(centre).isBetween(900.0, 1100.0);
    }

    @Test
    void fftOfAnImpulseIsFlat() {
        double[] re = new double[8];
        double[] im = new double[8];
        re[0] = 1;
        dev.attend.audio.Fft.transform(re, im);
        for (int i = 0; i < 8; i++) {
            assertThat(re[i]).isEqualTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
            assertThat(im[i]).isEqualTo(0.0, org.assertj.core.api.Assertions.within(1e-12));
        }
    }
}
