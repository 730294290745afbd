package dev.attend.app.assistant;

import dev.attend.testkit.ToneAudio;
import dev.attend.testing.ExternalTools;
import dev.attend.testing.TestWavs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** Test input for the assistant: espeak-ng speech, tone-language words and silence, laid end to end at 16 kHz. */
final class AssistantAudio {

    private final Path dir;
    private final ByteArrayOutputStream pcm = new ByteArrayOutputStream();

    AssistantAudio(Path dir) {
        this.dir = dir;
    }

    double seconds() {
        return pcm.size() / 2 / 16000.0;
    }

    /** espeak-ng speaking {@code text} in {@code voice}, resampled by sox without dither. */
    AssistantAudio speech(String voice, String text) throws IOException, InterruptedException {
        Path raw = Files.createTempFile(dir, "espeak-", ".wav");
        ExternalTools.exec("espeak-ng", "-v", voice, "-w", raw.toString(), text);
        return wav(raw);
    }

    /** Any WAV (e.g. the assistant's own rendered reply), converted to 16 kHz mono 16-bit by sox without dither. */
    AssistantAudio wav(Path in) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "part-", ".wav");
        ExternalTools.exec("sox", "-R", in.toString(), "-r", "16000", "-c", "1", "-b", "16", out.toString());
        try (AudioInputStream s = AudioSystem.getAudioInputStream(out.toFile())) {
            pcm.write(s.readAllBytes());
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(e);
        }
        return this;
    }

    AssistantAudio wavBytes(byte[] audioFile) throws IOException, InterruptedException {
        Path f = Files.createTempFile(dir, "reply-", ".wav");
        Files.write(f, audioFile);
        return wav(f);
    }

    /** Tone-language words with 0.3 s between them. */
    AssistantAudio tones(String words) throws IOException {
        pcm.write(ToneAudio.builder().words(List.of(words.split(" ")), 0.3).build().pcm16le());
        return this;
    }

    AssistantAudio silence(double seconds) {
        int n = (int) Math.round(seconds * 16000);
        pcm.write(new byte[n * 2], 0, n * 2);
        return this;
    }

    Path write(String name) throws IOException {
        return TestWavs.write(dir.resolve(name), 16000, pcm.toByteArray());
    }
}
