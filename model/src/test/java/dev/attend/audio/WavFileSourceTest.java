package dev.attend.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.attend.media.AudioChunk;
import dev.attend.pipeline.SourceException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WavFileSourceTest {

    @TempDir
    Path dir;

    /** Writes interleaved 16-bit samples as a WAV through javax.sound. */
    static Path writeWav16(Path file, short[] interleaved, int rate, int channels) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(interleaved.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : interleaved) {
            b.putShort(s);
        }
        return writeWav(file, b.array(), new AudioFormat(rate, 16, channels, true, false));
    }

    static Path writeWav(Path file, byte[] data, AudioFormat f) throws IOException {
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(data), f,
                data.length / f.getFrameSize())) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }

    static List<AudioChunk> readAll(Path file) throws SourceException {
        WavFileSource s = new WavFileSource(file);
        try {
            s.open();
            List<AudioChunk> out = new ArrayList<>();
            AudioChunk c;
            while ((c = s.readChunk()) != null) {
                out.add(c);
            }
            return out;
        } finally {
            s.close();
        }
    }

    static float[] samples(List<AudioChunk> chunks) {
        int n = chunks.stream().mapToInt(AudioChunk::length).sum();
        float[] all = new float[n];
        int p = 0;
        for (AudioChunk c : chunks) {
            System.arraycopy(c.samples(), 0, all, p, c.length());
            p += c.length();
        }
        return all;
    }

    private static short[] pseudoRandomPcm(int n, long seed) {
        java.util.Random r = new java.util.Random(seed);
        short[] s = new short[n];
        for (int i = 0; i < n; i++) {
            s[i] = (short) r.nextInt(65_536);
        }
        s[0] = Short.MIN_VALUE;
        s[1] = Short.MAX_VALUE;
        s[2] = 0;
        return s;
    }

    @Test
    void sixteenKilohertzMonoSamplesComeOutExactly() throws Exception {
        short[] pcm = pseudoRandomPcm(40_001, 42);
        float[] out = samples(readAll(writeWav16(dir.resolve("a.wav"), pcm, 16_000, 1)));
        assertThat(out).hasSize(pcm.length);
        for (int i = 0; i < pcm.length; i++) {
            assertThat(out[i]).as("sample %d", i).isEqualTo(pcm[i] / 32768f);
        }
    }

    @Test
    void startingAtAnOffsetSkipsExactlyThoseSamplesAndStampsFromThere() throws Exception {
        short[] pcm = pseudoRandomPcm(16_000 * 3, 11);
        Path wav = writeWav16(dir.resolve("seek.wav"), pcm, 16_000, 1);
        WavFileSource src = new WavFileSource(wav).startAt(1.25);
        List<AudioChunk> chunks = new java.util.ArrayList<>();
        try (src) {
            src.open();
            AudioChunk c;
            while ((c = src.readChunk()) != null) {
                chunks.add(c);
            }
        }
        assertThat(chunks.get(0).t()).isEqualTo(1.25);
        float[] out = samples(chunks);
        assertThat(out).hasSize(pcm.length - 20_000);
        assertThat(out[0]).isEqualTo(pcm[20_000] / 32768f);
        assertThat(chunks.get(chunks.size() - 1).endTime()).isCloseTo(3.0, within(1e-12));
        // past the end: nothing, not an error
        try (WavFileSource late = new WavFileSource(wav).startAt(9)) {
            late.open();
            assertThat(late.readChunk()).isNull();
        }
    }

    @Test
    void chunksAreContiguousInTimeAndSequence() throws Exception {
        short[] pcm = pseudoRandomPcm(16_000 * 3 + 100, 7);
        List<AudioChunk> chunks = readAll(writeWav16(dir.resolve("a.wav"), pcm, 16_000, 1));
        assertThat(chunks).hasSize(38); // 48100 / 1280 = 37.6
        long samplesBefore = 0;
        for (int i = 0; i < chunks.size(); i++) {
            AudioChunk c = chunks.get(i);
            assertThat(c.seq()).isEqualTo(i);
            assertThat(c.t()).isCloseTo(samplesBefore / 16_000.0, within(1e-12));
            assertThat(c.length()).isEqualTo(i < chunks.size() - 1 ? AudioChunker.DEFAULT_CHUNK : 48_100 - 37 * 1280);
            samplesBefore += c.length();
        }
        AudioChunk last = chunks.get(chunks.size() - 1);
        assertThat(last.endTime()).isCloseTo(48_100 / 16_000.0, within(1e-12));
    }

    @Test
    void stereoChannelsAreAveraged() throws Exception {
        int n = 8000;
        short[] pcm = new short[n * 2];
        for (int i = 0; i < n; i++) {
            pcm[2 * i] = (short) (i % 2000 * 10);          // left: a ramp
            pcm[2 * i + 1] = (short) (-(i % 700) * 20);     // right: another ramp
        }
        float[] out = samples(readAll(writeWav16(dir.resolve("st.wav"), pcm, 16_000, 2)));
        assertThat(out).hasSize(n);
        for (int i = 0; i < n; i++) {
            float expected = (pcm[2 * i] / 32768f + pcm[2 * i + 1] / 32768f) / 2;
            assertThat(out[i]).as("sample %d", i).isCloseTo(expected, within(1e-6f));
        }
    }

    @Test
    void eightBitUnsignedIsDecoded() throws Exception {
        byte[] data = new byte[4000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i % 256); // unsigned: 0 → -1.0, 128 → 0, 255 → 127/128
        }
        float[] out = samples(readAll(writeWav(dir.resolve("u8.wav"), data,
                new AudioFormat(AudioFormat.Encoding.PCM_UNSIGNED, 16_000, 8, 1, 1, 16_000, false))));
        assertThat(out).hasSize(data.length);
        for (int i = 0; i < data.length; i++) {
            assertThat(out[i]).isEqualTo(((i % 256) - 128) / 128f);
        }
    }

    @Test
    void twentyFourAndThirtyTwoBitIntegersAreDecoded() throws Exception {
        int n = 3000;
        ByteBuffer b24 = ByteBuffer.allocate(n * 3).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer b32 = ByteBuffer.allocate(n * 4).order(ByteOrder.LITTLE_ENDIAN);
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = (int) ((i * 2_796_203L) % 8_388_608) - 4_194_304; // spread over the 24-bit range, both signs
            b24.put((byte) v[i]).put((byte) (v[i] >> 8)).put((byte) (v[i] >> 16));
            b32.putInt(v[i] << 8);
        }
        float[] out24 = samples(readAll(writeWav(dir.resolve("i24.wav"), b24.array(),
                new AudioFormat(16_000, 24, 1, true, false))));
        float[] out32 = samples(readAll(writeWav(dir.resolve("i32.wav"), b32.array(),
                new AudioFormat(16_000, 32, 1, true, false))));
        for (int i = 0; i < n; i++) {
            assertThat((double) out24[i]).isCloseTo(v[i] / 8_388_608.0, within(1e-7));
            assertThat((double) out32[i]).isCloseTo(v[i] / 8_388_608.0, within(1e-7));
        }
    }

    @Test
    void floatWavIsDecoded() throws Exception {
        int n = 5000;
        float[] x = Spectrum.sine(440, 16_000, n, 0.8);
        ByteBuffer b = ByteBuffer.allocate(n * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : x) {
            b.putFloat(f);
        }
        float[] out = samples(readAll(writeWav(dir.resolve("f32.wav"), b.array(),
                new AudioFormat(AudioFormat.Encoding.PCM_FLOAT, 16_000, 32, 1, 4, 16_000, false))));
        assertThat(out).containsExactly(x);
    }

    @ParameterizedTest(name = "{0} Hz stereo is converted to 16 kHz mono")
    @ValueSource(ints = {8000, 22_050, 32_000, 44_100, 48_000})
    void otherRatesAreConverted(int rate) throws Exception {
        int n = rate * 2 + 13;
        float[] sine = Spectrum.sine(1000, rate, n, 0.5);
        short[] pcm = new short[n * 2];
        for (int i = 0; i < n; i++) {
            pcm[2 * i] = (short) Math.round(sine[i] * 32767);
            pcm[2 * i + 1] = (short) Math.round(sine[i] * 32767);
        }
        float[] out = samples(readAll(writeWav16(dir.resolve("r.wav"), pcm, rate, 2)));
        assertThat(out.length).isEqualTo((int) Math.ceil(n * 16_000.0 / rate - 1e-9));
        assertThat(Spectrum.peakFrequency(out, 2000, 16_384, 16_000)).isCloseTo(1000, within(1.0));
        assertThat(Spectrum.rms(out, 2000, out.length - 2000)).isCloseTo(0.5 / Math.sqrt(2), within(0.005));
    }

    @Test
    void soxFormatsAreDecoded() throws Exception {
        assumeTrue(hasTool("sox"), "sox not installed");
        // WAVE_FORMAT_EXTENSIBLE 24-bit stereo at 48 kHz, 32-bit float at 22.05 kHz and 8 kHz µ-law, as sox writes them
        Path i24 = dir.resolve("sox24.wav");
        Path f32 = dir.resolve("soxf32.wav");
        Path ulaw = dir.resolve("soxulaw.wav");
        run("sox", "-R", "-n", "-r", "8000", "-c", "1", "-e", "u-law", ulaw.toString(), "synth", "1.5", "sine", "1500",
                "vol", "0.5");
        run("sox", "-R", "-n", "-r", "48000", "-c", "2", "-b", "24", i24.toString(), "synth", "1.5", "sine", "700", "vol", "0.5");
        run("sox", "-R", "-n", "-r", "22050", "-c", "1", "-e", "floating-point", "-b", "32", f32.toString(),
                "synth", "1.5", "sine", "2500", "vol", "0.5");
        for (Object[] c : new Object[][] {{i24, 700.0}, {f32, 2500.0}, {ulaw, 1500.0}}) {
            float[] out = samples(readAll((Path) c[0]));
            assertThat(out.length).as("%s length", c[0]).isEqualTo(24_000);
            assertThat(Spectrum.peakFrequency(out, 2000, 16_384, 16_000)).isCloseTo((double) c[1], within(1.0));
            assertThat(Spectrum.rms(out, 2000, out.length - 2000)).isCloseTo(0.5 / Math.sqrt(2), within(0.01));
        }
    }

    @Test
    void missingFileIsReported() {
        Path p = dir.resolve("nope.wav");
        assertThatThrownBy(() -> new WavFileSource(p).open())
                .isInstanceOf(SourceException.class)
                .hasMessage("audio file not found: " + p);
    }

    @Test
    void nonAudioFileIsReported() throws Exception {
        Path p = Files.writeString(dir.resolve("notes.wav"), "these are notes, not audio\n".repeat(50));
        assertThatThrownBy(() -> new WavFileSource(p).open())
                .isInstanceOf(SourceException.class)
                .hasMessage("not a supported audio file (WAV/AIFF/AU with PCM expected): " + p);
    }

    @Test
    void corruptHeaderIsReported() throws Exception {
        byte[] good = Files.readAllBytes(writeWav16(dir.resolve("g.wav"), new short[1000], 16_000, 1));
        byte[] bad = Arrays.copyOf(good, good.length);
        // keep "RIFF....WAVE" and scramble the fmt chunk
        for (int i = 12; i < 44; i++) {
            bad[i] = (byte) (i * 37);
        }
        Path p = Files.write(dir.resolve("corrupt.wav"), bad);
        assertThatThrownBy(() -> new WavFileSource(p).open())
                .isInstanceOf(SourceException.class)
                .hasMessage("WAV file " + p + " has a damaged header or a non-PCM encoding; re-export it as PCM WAV");
    }

    @Test
    void truncatedHeaderIsReported() throws Exception {
        Path p = Files.write(dir.resolve("short.wav"), "RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> new WavFileSource(p).open())
                .isInstanceOf(SourceException.class)
                .hasMessage("WAV file " + p + " has a damaged header or a non-PCM encoding; re-export it as PCM WAV");
    }

    @Test
    void directoryIsNotAFile() {
        assertThatThrownBy(() -> new WavFileSource(dir).open())
                .isInstanceOf(SourceException.class)
                .hasMessage("audio file is a folder, not a file: " + dir);
    }

    static boolean hasTool(String name) {
        try {
            return new ProcessBuilder(name, "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
    }
}
