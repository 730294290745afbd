package dev.attend.app.cli;

import dev.attend.app.bench.UiTrainingBench;
import dev.attend.concurrent.ThreadPoolTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code attend bench ui-training}: JavaFX pulse intervals while the Training view trains in the background. */
@Command(name = "ui-training", mixinStandardHelpOptions = true,
        description = "Open the Training window, train on generated data in the background and measure the UI's "
                + "pulse intervals (p50/p95/max). Needs a display (e.g. under xvfb-run).")
public final class BenchUiTrainingCommand implements Callable<Integer> {

    @Option(names = "--seconds", defaultValue = "60", description = "Measured seconds of training (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--idle-seconds", defaultValue = "20",
            description = "Seconds measured first with the same windows and no training (default ${DEFAULT-VALUE}).")
    int idleSeconds;

    @Option(names = "--utterances", defaultValue = "24", description = "Utterances to generate (default ${DEFAULT-VALUE}).")
    int utterances;

    @Option(names = "--width", defaultValue = "64", description = "Model width d_model (default ${DEFAULT-VALUE}, the shipped size).")
    int width;

    @Option(names = "--threads", defaultValue = "1", description = "libtorch threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--screenshot", paramLabel = "PNG", description = "Also save the Training window as a PNG.")
    Path screenshot;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (idleSeconds < 0 || seconds < 1 || utterances < 8 || threads < 1 || width < 8) {
            throw new BadInputException("--seconds and --threads must be at least 1, --utterances at least 8, --width at least 8");
        }
        Path work = Files.createTempDirectory("attend-ui-training");
        ThreadPoolTaskExecutor tasks = new ThreadPoolTaskExecutor("task", 2);
        try {
            var r = UiTrainingBench.run(new UiTrainingBench.Options(utterances, width, seconds, idleSeconds, threads, work,
                    screenshot), tasks);
            spec.commandLine().getOut().println(r.toPrettyString());
            return 0;
        } finally {
            tasks.shutdown();
            try (var s = Files.walk(work)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
