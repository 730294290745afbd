package dev.attend.app;

import dev.attend.config.AppDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Points Logback's rotating file at the data dir's logs folder; must run before the first logger is made. When that
 * file cannot be written (read-only or missing data dir), Logback gets a stderr-only configuration and no status
 * output, so stdout still carries only what a command prints, and one warning line says why.
 */
final class Logging {

    private Logging() {
    }

    static void init(AppDirs dirs) {
        Path file = dirs.logs().resolve("attend.log");
        String problem = cannotWrite(file);
        if (problem == null) {
            System.setProperty(LogConfigurator.LOG_DIR, dirs.logs().toString());
            return;
        }
        // no log dir: LogConfigurator sets up stderr only; Logback's own status output stays off stdout
        System.setProperty("logback.statusListenerClass", "ch.qos.logback.core.status.NopStatusListener");
        System.err.println("attend: WARN cannot write the log file " + file + " (" + problem
                + "); warnings and errors go to stderr only");
    }

    /** Null when {@code file} can be appended to (creating its folder if needed), else the reason. */
    static String cannotWrite(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND).close();
            return null;
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            String reason = e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null
                    ? fse.getReason() : e.getClass().getSimpleName();
            return reason;
        }
    }
}
