package dev.attend.app.cli;

import dev.attend.app.session.FeatureOptions;
import dev.attend.app.session.SessionFactory;
import dev.attend.app.session.SessionSpec;
import dev.attend.event.CoreEvents;
import dev.attend.pipeline.Pacing;
import dev.attend.pipeline.Pipeline;
import dev.attend.pipeline.SourceException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code attend bench pipeline FILE}: wall time of a fast session over a file, i.e. the pipeline's overhead. */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Time a fast session over an audio file with only the pipeline's own stages (decode, "
                + "resample, chunk, level meter): the pipeline's overhead. One warm-up round, then timed rounds.")
public final class BenchPipelineCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "Audio file (WAV).")
    Path file;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "5",
            description = "Timed rounds after one warm-up (default: ${DEFAULT-VALUE}).")
    int rounds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (rounds < 1) {
            throw new BadInputException("--rounds must be at least 1, not " + rounds);
        }
        PrintWriter out = spec.commandLine().getOut();
        double[] secs = new double[rounds];
        double media = 0;
        for (int r = -1; r < rounds; r++) {
            AtomicLong events = new AtomicLong();
            double[] end = new double[1];
            long t0 = System.nanoTime();
            try (Pipeline p = SessionFactory.create(SessionSpec.ofAudioFile(file, Pacing.FAST, FeatureOptions.none()), e -> {
                events.incrementAndGet();
                if (e instanceof CoreEvents.SessionEnd se) {
                    end[0] = se.audioSeconds();
                }
            })) {
                try {
                    p.start();
                } catch (SourceException e) {
                    throw new BadInputException(e.getMessage());
                }
                p.awaitEnd(Duration.ofMinutes(10));
            }
            double s = (System.nanoTime() - t0) / 1e9;
            media = end[0];
            if (r >= 0) {
                secs[r] = s;
                out.printf("round %d: %.3f s for %.1f s of audio, %d events%n", r + 1, s, media, events.get());
            }
        }
        Arrays.sort(secs);
        out.printf("median %.3f s, best %.3f s; real-time factor %.5f (median)%n", secs[rounds / 2], secs[0],
                secs[rounds / 2] / media);
        out.flush();
        return ExitCodes.OK;
    }
}
