package dev.attend.app.bench;

import dev.attend.audio.Resampler;
import dev.attend.media.AudioChunk;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** espeak-ng to 16 kHz samples, and 16 kHz 16-bit WAV files in and out, for the wake-word bench. */
final class WakeSpeech {

    private static final int RATE = AudioChunk.SAMPLE_RATE;
    private static final long TIMEOUT_SECONDS = 120;

    private WakeSpeech() {
    }

    /**
     * {@code text} spoken by espeak-ng ({@code voice} may carry a {@code +variant}), resampled to 16 kHz with
     * Attend's band-limited resampler. Deterministic for a given espeak-ng build.
     *
     * @param speed words per minute; {@code pitch} 0–99
     * @throws IOException when espeak-ng is missing, fails or times out (with its message)
     */
    static float[] speak(Path tmpDir, String voice, int speed, int pitch, String text) throws IOException {
        Path wav = Files.createTempFile(tmpDir, "espeak-", ".wav");
        try {
            Process p;
            try {
                p = new ProcessBuilder("espeak-ng", "-v", voice, "-s", Integer.toString(speed), "-p",
                        Integer.toString(pitch), "-w", wav.toString(), "--stdin").redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new IOException("espeak-ng is needed for this bench (Debian package espeak-ng): "
                        + e.getMessage(), e);
            }
            try (OutputStream in = p.getOutputStream()) {
                in.write(text.getBytes(StandardCharsets.UTF_8));
            }
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("espeak-ng timed out on voice " + voice);
            }
            if (p.exitValue() != 0) {
                throw new IOException("espeak-ng -v " + voice + " failed: " + log.strip());
            }
            return readResampled(wav);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(wav);
        }
    }

    /** A 16-bit mono WAV at any rate → samples in [-1, 1] at 16 kHz. */
    static float[] readResampled(Path wav) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(wav));
             AudioInputStream in = AudioSystem.getAudioInputStream(raw)) {
            AudioFormat f = in.getFormat();
            if (f.getChannels() != 1 || f.getSampleSizeInBits() != 16 || f.getEncoding() != AudioFormat.Encoding.PCM_SIGNED) {
                throw new IOException(wav + ": expected 16-bit signed mono PCM, got " + f);
            }
            byte[] bytes = in.readAllBytes();
            ByteBuffer bb = ByteBuffer.wrap(bytes).order(f.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            float[] s = new float[bytes.length / 2];
            for (int i = 0; i < s.length; i++) {
                s[i] = bb.getShort() / 32768f;
            }
            int rate = Math.round(f.getSampleRate());
            if (rate == RATE) {
                return s;
            }
            Resampler r = new Resampler(rate, RATE);
            float[] a = r.process(s);
            float[] b = r.flush();
            float[] out = new float[a.length + b.length];
            System.arraycopy(a, 0, out, 0, a.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            return out;
        } catch (javax.sound.sampled.UnsupportedAudioFileException e) {
            throw new IOException(wav + ": not a WAV file", e);
        }
    }

    /** Writes 16 kHz mono 16-bit PCM (clipped, rounded), atomically. */
    static void writeWav(Path out, float[] samples) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(samples.length * 2);
        for (float v : samples) {
            int q = Math.max(-32768, Math.min(32767, Math.round(v * 32768f)));
            buf.write(q & 0xff);
            buf.write((q >> 8) & 0xff);
        }
        AudioFormat f = new AudioFormat(RATE, 16, 1, true, false);
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        try (AudioInputStream in = new AudioInputStream(new java.io.ByteArrayInputStream(buf.toByteArray()), f,
                samples.length)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, tmp.toFile());
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The installed espeak-ng's version line (part of the corpus's identity). */
    static String espeakVersion() throws IOException {
        try {
            Process p = new ProcessBuilder("espeak-ng", "--version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor(10, TimeUnit.SECONDS);
            return v;
        } catch (IOException e) {
            throw new IOException("espeak-ng is needed for this bench (Debian package espeak-ng): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
