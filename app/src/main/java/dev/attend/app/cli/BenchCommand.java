package dev.attend.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code attend bench …}: benchmarks whose figures go into docs/performance.md. Never run as timed tests. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure speed on this machine (figures for docs/performance.md).",
        subcommands = {BenchPipelineCommand.class, BenchEncodersCommand.class, BenchVisionCommand.class,
            BenchAsrCommand.class, BenchTextCommand.class, BenchTranslateCommand.class,
            BenchHistoryCommand.class, BenchAssistantCommand.class, BenchWakeCommand.class, BenchSoakCommand.class,
            BenchFusionCommand.class, BenchUiTrainingCommand.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
