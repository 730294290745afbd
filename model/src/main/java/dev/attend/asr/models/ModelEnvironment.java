package dev.attend.asr.models;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What model discovery depends on besides the app's own folders: environment variables, the home folder, the OS and
 * the user's language. Tests build one by hand; {@link #system()} reads the running JVM's.
 */
public record ModelEnvironment(Map<String, String> env, Path home, String osName, Locale locale,
                               List<Path> systemDirs) {

    /** Where Linux packages put shared Vosk models (the Python client looks there too). */
    public static final Path SHARED_DIR = Path.of("/usr/share/vosk");

    public ModelEnvironment {
        env = Map.copyOf(env);
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(osName, "osName");
        Objects.requireNonNull(locale, "locale");
        systemDirs = List.copyOf(systemDirs);
    }

    public static ModelEnvironment system() {
        return new ModelEnvironment(System.getenv(), Path.of(System.getProperty("user.home", ".")),
                System.getProperty("os.name", ""), Locale.getDefault(), List.of(SHARED_DIR));
    }

    /**
     * Folders searched for models, in order, after Attend's own: each entry of {@code VOSK_MODEL_PATH} (a model
     * folder itself, or a folder of models; several separated by the path separator), the shared system folder, and
     * the per-user cache of Vosk's Python client ({@code ~/.cache/vosk}; {@code ~/AppData/Local/vosk} on Windows).
     */
    public List<SearchDir> searchDirs() {
        List<SearchDir> dirs = new ArrayList<>();
        String vmp = env.get("VOSK_MODEL_PATH");
        if (vmp != null && !vmp.isBlank()) {
            for (String p : vmp.split(java.util.regex.Pattern.quote(File.pathSeparator))) {
                if (!p.isBlank()) {
                    dirs.add(new SearchDir(Path.of(p.trim()), ModelSource.VOSK_MODEL_PATH));
                }
            }
        }
        for (Path p : systemDirs) {
            dirs.add(new SearchDir(p, ModelSource.SYSTEM));
        }
        if (osName.toLowerCase(Locale.ROOT).contains("win")) {
            dirs.add(new SearchDir(home.resolve("AppData").resolve("Local").resolve("vosk"), ModelSource.VOSK_CACHE));
        }
        dirs.add(new SearchDir(home.resolve(".cache").resolve("vosk"), ModelSource.VOSK_CACHE));
        return dirs;
    }

    /** A folder to search and what kind of place it is. */
    public record SearchDir(Path dir, ModelSource source) {
    }
}
