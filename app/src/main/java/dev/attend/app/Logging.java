package dev.attend.app;

import dev.attend.config.AppDirs;
import java.io.IOException;
import java.nio.file.Files;

/** Points Logback's rotating file at the data dir's logs folder; must run before the first logger is made. */
final class Logging {

    private Logging() {
    }

    static void init(AppDirs dirs) {
        try {
            Files.createDirectories(dirs.logs());
            System.setProperty("attend.log.dir", dirs.logs().toString());
        } catch (IOException | SecurityException e) {
            // unwritable data dir: logback falls back to the temp dir; the CLI still works
            System.err.println("attend: cannot create log folder " + dirs.logs() + ": " + e.getMessage());
        }
    }
}
