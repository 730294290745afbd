package dev.attend.app;

import dev.attend.app.cli.AttendCommand;
import dev.attend.config.AppDirs;
import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Entry point of the launcher: no subcommand (at most the global folder options) and a display → the desktop app;
 * anything else → the CLI.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        AppDirs dirs = AppDirs.resolve(flag(args, "--config-dir"), flag(args, "--data-dir"));
        Logging.init(dirs);
        NativeCaches.init(dirs);
        java.nio.file.Path media = mediaArgument(args);
        if (media != null && hasDisplay()) { // "Open with Attend" from a file manager
            GuiLauncher.launch(dirs, media);
            return;
        }
        if (wantsGui(args) && hasDisplay()) {
            org.slf4j.LoggerFactory.getLogger(Main.class).info("attend {} desktop app; config {}, data {}",
                    dev.attend.app.cli.VersionProvider.version(), dirs.config(), dirs.data());
            GuiLauncher.launch(dirs);
            return;
        }
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (0 ok, 1 runtime failure, 2 bad input). */
    public static int run(String... args) {
        return AttendCommand.commandLine().execute(args);
    }

    /**
     * The media file when the only argument (besides --config-dir/--data-dir) is an existing file that is not a
     * subcommand's name: what a desktop entry's {@code Exec=attend %f} passes. Null otherwise.
     */
    static java.nio.file.Path mediaArgument(String... args) {
        java.util.List<String> rest = withoutFolderOptions(args);
        if (rest.size() != 1 || rest.get(0).startsWith("-")
                || AttendCommand.commandLine().getSubcommands().containsKey(rest.get(0))) {
            return null;
        }
        try {
            java.nio.file.Path p = java.nio.file.Path.of(rest.get(0));
            return java.nio.file.Files.isRegularFile(p) ? p : null;
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /** The arguments without --config-dir/--data-dir and their values. */
    private static java.util.List<String> withoutFolderOptions(String... args) {
        java.util.List<String> rest = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if ((a.equals("--config-dir") || a.equals("--data-dir")) && i + 1 < args.length) {
                i++;
            } else if (!a.startsWith("--config-dir=") && !a.startsWith("--data-dir=")) {
                rest.add(a);
            }
        }
        return rest;
    }

    /** True when the arguments name no subcommand and ask for no help or version: only --config-dir/--data-dir. */
    static boolean wantsGui(String... args) {
        if (withoutFolderOptions(args).isEmpty()) {
            return true; // the desktop start: no need to build the whole command tree (≈ 0.3 s of class loading)
        }
        try {
            CommandLine.ParseResult r = AttendCommand.commandLine().parseArgs(args);
            return !r.hasSubcommand() && !r.isUsageHelpRequested() && !r.isVersionHelpRequested();
        } catch (CommandLine.ParameterException e) {
            return false; // the CLI reports it
        }
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
