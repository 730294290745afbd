package dev.attend.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Small mono 16-bit PCM WAV files with known content, written by Java Sound. */
public final class TestWavs {

    private TestWavs() {
    }

    /** {@code frames} samples of a sine at {@code hz}, peak {@code amplitude} in 16-bit units, at {@code rate}. */
    public static Path tone(Path wav, int rate, int frames, double hz, double amplitude) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(frames * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            b.putShort((short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * i / rate)));
        }
        return write(wav, rate, b.array());
    }

    /** {@code frames} samples of digital silence at {@code rate}. */
    public static Path silence(Path wav, int rate, int frames) throws IOException {
        return write(wav, rate, new byte[frames * 2]);
    }

    /** Little-endian signed 16-bit mono samples as a WAV file. */
    public static Path write(Path wav, int rate, byte[] pcm16le) throws IOException {
        AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm16le), format,
                pcm16le.length / 2)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, wav.toFile());
        }
        return wav;
    }
}
