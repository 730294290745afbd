package dev.attend.audioenc;

import dev.attend.audio.WavFileSource;
import dev.attend.event.AttendEvent;
import dev.attend.event.EventSink;
import dev.attend.media.AudioChunk;
import dev.attend.pipeline.Pacing;
import dev.attend.pipeline.Stage;
import dev.attend.pipeline.StageContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Test audio made with espeak-ng and sox (installed here and in CI), and a harness that runs one stage over it. */
public final class TestAudio {

    private TestAudio() {
    }

    /** {@code text} spoken by espeak-ng in {@code voice}, as 16 kHz mono 16-bit WAV with silence around it. */
    public static Path speech(Path dir, String name, String voice, String text, double padBefore, double padAfter)
            throws IOException, InterruptedException {
        Path raw = dir.resolve(name + "-raw.wav");
        exec("espeak-ng", "-v", voice, "-w", raw.toString(), text);
        Path out = dir.resolve(name + ".wav");
        exec("sox", raw.toString(), "-r", "16000", "-c", "1", "-b", "16", out.toString(),
                "pad", Double.toString(padBefore), Double.toString(padAfter));
        return out;
    }

    /** Runs a command, failing with its output when it exits non-zero. */
    public static String exec(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
        return out;
    }

    /** Duration of a WAV in seconds, via sox. */
    public static double seconds(Path wav) throws IOException, InterruptedException {
        return Double.parseDouble(exec("soxi", "-D", wav.toString()).trim());
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
        StageContext ctx = context(events::add);
        try (stage) {
            stage.start(ctx);
            for (AudioChunk c : chunks(wav, chunkSize)) {
                stage.process(c, ctx);
            }
            stage.end(ctx);
        }
        return events;
    }

    public static StageContext context(EventSink sink) {
        return new StageContext() {
            @Override
            public EventSink events() {
                return sink;
            }

            @Override
            public Pacing pacing() {
                return Pacing.FAST;
            }

            @Override
            public boolean stopping() {
                return false;
            }
        };
    }

    public static Path tempDir(String prefix) throws IOException {
        Path base = Path.of("target", "test-audio");
        Files.createDirectories(base);
        return Files.createTempDirectory(base, prefix);
    }
}
