package dev.attend.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.Test;

class PcmDecoderTest {

    private static byte[] pcm16(short[] s, boolean bigEndian) {
        byte[] b = new byte[s.length * 2];
        for (int i = 0; i < s.length; i++) {
            int lo = s[i] & 0xff;
            int hi = (s[i] >> 8) & 0xff;
            b[2 * i] = (byte) (bigEndian ? hi : lo);
            b[2 * i + 1] = (byte) (bigEndian ? lo : hi);
        }
        return b;
    }

    @Test
    void sixteenBitLittleEndianMonoHasKnownValues() {
        PcmDecoder d = new PcmDecoder(new AudioFormat(16000, 16, 1, true, false));
        float[] out = d.toMono(pcm16(new short[]{0, 16384, -16384, Short.MAX_VALUE, Short.MIN_VALUE}, false), 10);
        assertThat(out).containsExactly(0f, 0.5f, -0.5f, 32767f / 32768f, -1f);
    }

    @Test
    void sixteenBitLittleEndianStereoAveragesChannels() {
        PcmDecoder d = new PcmDecoder(new AudioFormat(16000, 16, 2, true, false));
        float[] out = d.toMono(pcm16(new short[]{16384, 0, Short.MAX_VALUE, Short.MIN_VALUE, -8192, -8192}, false), 12);
        assertThat(out).containsExactly(0.25f, -1f / 65536f, -0.25f);
    }

    @Test
    void theFastPathMatchesTheGeneralDecoderBitForBit() {
        // big-endian goes through the general per-byte path: the same samples must give the same floats
        Random r = new Random(7);
        short[] s = new short[4002];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) r.nextInt();
        }
        for (int ch = 1; ch <= 2; ch++) {
            float[] fast = new PcmDecoder(new AudioFormat(16000, 16, ch, true, false)).toMono(pcm16(s, false), 2 * s.length);
            float[] general = new PcmDecoder(new AudioFormat(16000, 16, ch, true, true)).toMono(pcm16(s, true), 2 * s.length);
            assertThat(fast).hasSize(s.length / ch).containsExactly(general);
        }
    }

    @Test
    void decodesIntoAReusedBufferAndIgnoresATrailingPartialFrame() {
        PcmDecoder d = new PcmDecoder(new AudioFormat(16000, 16, 2, true, false));
        float[] buf = new float[8];
        java.util.Arrays.fill(buf, 9f);
        int n = d.toMono(pcm16(new short[]{16384, 16384, -16384, -16384, 1}, false), 10, buf);
        assertThat(n).isEqualTo(2);
        assertThat(buf).startsWith(0.5f, -0.5f, 9f);
        assertThatThrownBy(() -> d.toMono(new byte[40], 40, new float[9]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10 needed");
    }
}
