package dev.attend.app;

import dev.attend.app.cli.AttendCommand;
import dev.attend.config.AppDirs;
import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Entry point of the launcher: no arguments and a display → the desktop app; anything else → the CLI.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        AppDirs dirs = AppDirs.resolve(flag(args, "--config-dir"), flag(args, "--data-dir"));
        Logging.init(dirs);
        if (args.length == 0 && hasDisplay()) {
            GuiLauncher.launch(dirs);
            return;
        }
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (0 ok, 1 runtime failure, 2 bad input). */
    public static int run(String... args) {
        return AttendCommand.commandLine().execute(args);
    }

    static boolean hasDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("linux") || os.contains("bsd")) {
            String d = System.getenv("DISPLAY");
            String w = System.getenv("WAYLAND_DISPLAY");
            return (d != null && !d.isBlank()) || (w != null && !w.isBlank());
        }
        return !GraphicsEnvironment.isHeadless();
    }

    /** The value of {@code --name VALUE} or {@code --name=VALUE} before picocli parses anything (for logging). */
    static Path flag(String[] args, String name) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(name) && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith(name + "=")) {
                return Path.of(args[i].substring(name.length() + 1));
            }
        }
        return null;
    }

    static void printUsageHint() {
        CommandLine.usage(AttendCommand.commandLine().getCommand(), System.err);
    }
}
