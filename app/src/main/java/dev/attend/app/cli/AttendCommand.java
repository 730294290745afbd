package dev.attend.app.cli;

import dev.attend.config.AppDirs;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code attend}: the root command. Subcommands each live in their own class. */
@Command(name = "attend", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Offline voice assistant and multimodal-transformer lab. Without a subcommand and with a "
                + "display, opens the desktop app.",
        subcommands = {DevicesCommand.class, RunCommand.class, ModelsCommand.class, TranslateCommand.class,
            AskCommand.class, TimersCommand.class, NotesCommand.class,
            TestkitCommand.class, SelftestCommand.class, BenchCommand.class, SpeakersCommand.class, HistoryCommand.class,
            TrainCommand.class, EvalCommand.class,
            CommandLine.HelpCommand.class})
public final class AttendCommand implements Runnable {

    /** Logger for unexpected command failures; logback.xml sends it to the log file only. */
    static final String FAILURE_LOG = "dev.attend.app.failure";

    @Option(names = "--config-dir", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "Settings folder (default: the OS's per-user config folder).")
    Path configDir;

    @Option(names = "--data-dir", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "Data folder for models, caches and logs (default: the OS's per-user data folder).")
    Path dataDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The configured command line: bad input → one line on stderr and exit code 2. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new AttendCommand());
        // events and transcripts are UTF-8 whatever the platform's default charset
        // straight to file descriptor 1, not through System.out: a PrintStream hides write errors, and a closed
        // pipe must stop a run (CheckedOutput)
        cl.setOut(new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8), true));
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof BadInputException) {
                cmd.getErr().println("attend: " + ex.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            cmd.getErr().println("attend: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            // the one-line message is on stderr already; the stack trace goes to the log file only
            org.slf4j.LoggerFactory.getLogger(FAILURE_LOG).error("command failed", ex);
            return ExitCodes.FAILURE;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("attend: " + ex.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCodes.BAD_INPUT;
        });
        return cl;
    }

    /** The app's folders, honouring --config-dir/--data-dir. */
    public AppDirs dirs() {
        return AppDirs.resolve(configDir, dataDir);
    }

    @Override
    public void run() {
        // no subcommand and no display (otherwise Main opens the GUI)
        spec.commandLine().getErr().println("attend: no display found; use a subcommand, e.g. 'attend run --audio talk.wav'");
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
