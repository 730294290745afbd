package dev.attend.ui.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Opens a folder in the system's file manager (xdg-open, open, explorer): no AWT in a JavaFX app. */
final class FolderOpener {

    private FolderOpener() {
    }

    static List<String> command(String os, Path folder) {
        String o = os.toLowerCase(Locale.ROOT);
        String f = folder.toAbsolutePath().toString();
        if (o.contains("win")) {
            return List.of("explorer.exe", f);
        }
        if (o.contains("mac")) {
            return List.of("open", f);
        }
        return List.of("xdg-open", f);
    }

    static void open(Path folder) {
        try {
            // the file manager lives on after us; its output is of no interest
            new ProcessBuilder(command(System.getProperty("os.name", ""), folder))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + folder + " (no file manager found: "
                    + e.getMessage() + ")", e);
        }
    }
}
