package dev.attend.encoders.audio;

import dev.attend.audio.WavFileSource;
import dev.attend.event.AttendEvent;
import dev.attend.media.AudioChunk;
import dev.attend.pipeline.Stage;
import dev.attend.pipeline.StageContext;
import dev.attend.testing.ExternalTools;
import dev.attend.testing.TestStageContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test audio made with espeak-ng and sox (installed here and in CI), and a harness that runs one stage over it. Every
 * sox call passes {@code -R} (no random dither), so a test makes the same audio on every run.
 */
public final class TestAudio {

    private TestAudio() {
    }

    /** {@code text} spoken by espeak-ng in {@code voice}, as 16 kHz mono 16-bit WAV with silence around it. */
    public static Path speech(Path dir, String name, String voice, String text, double padBefore, double padAfter)
            throws IOException, InterruptedException {
        Path raw = dir.resolve(name + "-raw.wav");
        ExternalTools.exec("espeak-ng", "-v", voice, "-w", raw.toString(), text);
        Path out = dir.resolve(name + ".wav");
        ExternalTools.exec("sox", "-R", raw.toString(), "-r", "16000", "-c", "1", "-b", "16", out.toString(),
                "pad", Double.toString(padBefore), Double.toString(padAfter));
        return out;
    }

    /**
     * As {@link #speech}, but without dither ({@code -D}) and padded only after the conversion to 16 kHz, so files
     * with different padding hold the same samples, shifted by exactly the padding's sample count.
     */
    public static Path speechExact(Path dir, String name, String voice, String text, double padBefore,
                                   double padAfter) throws IOException, InterruptedException {
        Path raw = dir.resolve(name + "-raw.wav");
        ExternalTools.exec("espeak-ng", "-v", voice, "-w", raw.toString(), text);
        Path mid = dir.resolve(name + "-16k.wav");
        ExternalTools.exec("sox", "-R", "-D", raw.toString(), "-r", "16000", "-c", "1", "-b", "16", mid.toString());
        Path out = dir.resolve(name + ".wav");
        ExternalTools.exec("sox", "-R", "-D", mid.toString(), out.toString(), "pad", Double.toString(padBefore),
                Double.toString(padAfter));
        return out;
    }

    /** Digital silence (no dither) of {@code seconds}, 16 kHz mono 16-bit. */
    public static Path silence(Path dir, String name, double seconds) throws IOException, InterruptedException {
        Path out = dir.resolve(name + ".wav");
        ExternalTools.exec("sox", "-R", "-D", "-n", "-r", "16000", "-c", "1", "-b", "16", out.toString(), "trim", "0",
                Double.toString(seconds));
        return out;
    }

    /** White noise at {@code volume} (0..1 of full scale), fixed seed. */
    public static Path whiteNoise(Path dir, String name, double seconds, double volume)
            throws IOException, InterruptedException {
        Path out = dir.resolve(name + ".wav");
        ExternalTools.exec("sox", "-R", "-n", "-r", "16000", "-c", "1", "-b", "16", out.toString(), "synth",
                Double.toString(seconds), "whitenoise", "vol", Double.toString(volume));
        return out;
    }

    /**
     * {@code text} spoken by espeak-ng with its leading and trailing silence trimmed by sox ({@code silence} effect at
     * 0.1% of full scale), so the whole file is the utterance's real speech extent.
     */
    public static Path trimmedSpeech(Path dir, String name, String voice, String text)
            throws IOException, InterruptedException {
        Path raw = speech(dir, name + "-untrimmed", voice, text, 0, 0);
        Path out = dir.resolve(name + ".wav");
        ExternalTools.exec("sox", "-R", raw.toString(), out.toString(), "silence", "1", "0.005", "0.1%", "reverse",
                "silence", "1", "0.005", "0.1%", "reverse");
        return out;
    }

    /** Concatenates WAV files (same format) with sox. */
    public static Path concat(Path out, List<Path> parts) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("sox");
        cmd.add("-R");
        parts.forEach(p -> cmd.add(p.toString()));
        cmd.add(out.toString());
        ExternalTools.exec(cmd.toArray(new String[0]));
        return out;
    }

    /** Duration of a WAV in seconds, via sox. */
    public static double seconds(Path wav) throws IOException, InterruptedException {
        return Double.parseDouble(ExternalTools.exec("soxi", "-D", wav.toString()).trim());
    }

    /** The chunks of a file, as the pipeline would deliver them with this chunk size. */
    public static List<AudioChunk> chunks(Path wav, int chunkSize) throws Exception {
        List<AudioChunk> out = new ArrayList<>();
        try (WavFileSource src = new WavFileSource(wav, chunkSize)) {
            src.open();
            AudioChunk c;
            while ((c = src.readChunk()) != null) {
                out.add(c);
            }
        }
        return out;
    }

    /** Runs a stage over a file the way the pipeline does (start, every chunk, end, close); returns its events. */
    public static List<AttendEvent> run(Stage<AudioChunk> stage, Path wav, int chunkSize) throws Exception {
        List<AttendEvent> events = new ArrayList<>();
        StageContext ctx = TestStageContext.fast(events::add);
        try (stage) {
            stage.start(ctx);
            for (AudioChunk c : chunks(wav, chunkSize)) {
                stage.process(c, ctx);
            }
            stage.end(ctx);
        }
        return events;
    }

    public static Path tempDir(String prefix) throws IOException {
        Path base = Path.of("target", "test-audio");
        Files.createDirectories(base);
        return Files.createTempDirectory(base, prefix);
    }
}
