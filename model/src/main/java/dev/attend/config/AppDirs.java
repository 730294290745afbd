package dev.attend.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The one place that knows where Attend keeps its files: config (settings), data (models, sessions), cache and
 * logs. Per-OS conventions: XDG on Linux, %APPDATA%/%LOCALAPPDATA% on Windows, ~/Library on macOS. Both roots can
 * be overridden (CLI flags {@code --config-dir}/{@code --data-dir}, or {@code ATTEND_CONFIG_DIR}/{@code
 * ATTEND_DATA_DIR}).
 */
public record AppDirs(Path config, Path data, Path cache) {

    public static final String APP = "attend";

    public AppDirs {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(cache, "cache");
    }

    /** Directories for this OS and user, with the given overrides (null = default). */
    public static AppDirs resolve(Path configOverride, Path dataOverride) {
        return resolve(System.getProperty("os.name", ""), Path.of(System.getProperty("user.home", ".")),
                System.getenv(), configOverride, dataOverride);
    }

    /** Testable form: everything the decision depends on is a parameter. */
    public static AppDirs resolve(String osName, Path home, Map<String, String> env, Path configOverride,
                                  Path dataOverride) {
        String os = osName.toLowerCase(Locale.ROOT);
        Path config;
        Path data;
        Path cache;
        if (os.contains("win")) {
            Path roaming = envPath(env, "APPDATA", home.resolve("AppData").resolve("Roaming"));
            Path local = envPath(env, "LOCALAPPDATA", home.resolve("AppData").resolve("Local"));
            config = roaming.resolve("Attend");
            data = local.resolve("Attend");
            cache = local.resolve("Attend").resolve("cache");
        } else if (os.contains("mac") || os.contains("darwin")) {
            Path support = home.resolve("Library").resolve("Application Support").resolve("Attend");
            config = support;
            data = support;
            cache = home.resolve("Library").resolve("Caches").resolve("Attend");
        } else {
            config = envPath(env, "XDG_CONFIG_HOME", home.resolve(".config")).resolve(APP);
            data = envPath(env, "XDG_DATA_HOME", home.resolve(".local").resolve("share")).resolve(APP);
            cache = envPath(env, "XDG_CACHE_HOME", home.resolve(".cache")).resolve(APP);
        }
        Path envConfig = envPath(env, "ATTEND_CONFIG_DIR", null);
        Path envData = envPath(env, "ATTEND_DATA_DIR", null);
        if (configOverride == null && envConfig != null) {
            configOverride = envConfig;
        }
        if (dataOverride == null && envData != null) {
            dataOverride = envData;
        }
        if (configOverride != null) {
            config = configOverride.toAbsolutePath();
        }
        if (dataOverride != null) {
            data = dataOverride.toAbsolutePath();
            cache = data.resolve("cache");
        }
        return new AppDirs(config, data, cache);
    }

    private static Path envPath(Map<String, String> env, String key, Path fallback) {
        String v = env.get(key);
        // XDG says relative paths are invalid and must be ignored
        if (v == null || v.isBlank() || !Path.of(v).isAbsolute()) {
            return fallback;
        }
        return Path.of(v);
    }

    public Path logs() {
        return data.resolve("logs");
    }

    /** Installed Vosk and other downloaded models. */
    public Path models() {
        return data.resolve("models");
    }

    public Path settingsFile() {
        return config.resolve("settings.json");
    }

    /** Creates the directories if missing; returns this. */
    public AppDirs ensureExist() throws java.io.IOException {
        Files.createDirectories(config);
        Files.createDirectories(data);
        Files.createDirectories(cache);
        Files.createDirectories(logs());
        return this;
    }
}
