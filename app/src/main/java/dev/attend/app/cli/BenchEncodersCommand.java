package dev.attend.app.cli;

import dev.attend.app.bench.AudioEncoderBench;
import dev.attend.app.bench.BenchSettings;
import dev.attend.app.bench.EncoderBench;
import dev.attend.app.bench.TextBench;
import dev.attend.app.bench.VisionBench;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code attend bench encoders}: per-call latency of every encoder (audio models, BlazeFace per frame, MiniLM) and
 * the audio stack's real-time factor.
 */
@Command(name = "encoders", mixinStandardHelpOptions = true,
        description = "Per-call latency (p50/p95) of every encoder: audio models, face detection per frame, MiniLM "
                + "text; and the audio encoder stack's real-time factor on 60 s of audio.")
public final class BenchEncodersCommand implements Callable<Integer> {

    /** The sections, in order. */
    static final List<EncoderBench> PARTS = List.of(new AudioEncoderBench(), new VisionBench(), new TextBench());

    @Option(names = "--audio", paramLabel = "FILE",
            description = "WAV file for the audio stack's real-time factor (default: 60 s of generated noise bursts).")
    Path audio;

    @Option(names = "--seconds", defaultValue = "60",
            description = "Length of the generated audio when no --audio is given (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--calls", defaultValue = "500",
            description = "Timed calls per model, or frames for vision (default ${DEFAULT-VALUE}).")
    int calls;

    @Option(names = "--warmup", defaultValue = "50", description = "Untimed calls first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--rounds", defaultValue = "3",
            description = "Timed whole-stack rounds after one warm-up (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--only", paramLabel = "SECTION", description = "Run one section only: audio, vision or text.")
    String only;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (audio != null && !Files.isReadable(audio)) {
            throw new BadInputException("cannot read " + audio);
        }
        if (calls < 1 || warmup < 0 || rounds < 1 || seconds < 1) {
            throw new BadInputException("--calls, --rounds and --seconds must be at least 1, --warmup at least 0");
        }
        List<EncoderBench> parts = PARTS.stream().filter(p -> only == null || p.name().equals(only)).toList();
        if (parts.isEmpty()) {
            throw new BadInputException("--only: no section '" + only + "'; sections: "
                    + String.join(", ", PARTS.stream().map(EncoderBench::name).toList()));
        }
        PrintWriter out = spec.commandLine().getOut();
        BenchSettings settings = new BenchSettings(calls, warmup, rounds, audio, seconds);
        for (EncoderBench p : parts) {
            p.run(settings, out);
            out.println();
        }
        out.flush();
        return ExitCodes.OK;
    }
}
