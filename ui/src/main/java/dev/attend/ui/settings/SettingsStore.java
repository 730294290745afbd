package dev.attend.ui.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@link Settings} as JSON (normally {@code AppDirs.settingsFile()}). A broken file is kept aside
 * as {@code settings.json.bad} and defaults are used, so a bad edit never stops the app from starting.
 */
public final class SettingsStore {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private final Path file;

    public SettingsStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** False on first start (nothing saved yet). */
    public boolean exists() {
        return Files.isRegularFile(file);
    }

    public Settings load() {
        if (!Files.isRegularFile(file)) {
            return Settings.defaults();
        }
        try {
            Settings s = JSON.readValue(file.toFile(), Settings.class);
            return s != null ? s : Settings.defaults();
        } catch (IOException e) {
            LOG.warn("{}: not valid settings JSON ({}); using defaults, old file kept as {}.bad", file,
                    e.getMessage().lines().findFirst().orElse(""), file.getFileName());
            try {
                Files.move(file, file.resolveSibling(file.getFileName() + ".bad"),
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                LOG.warn("could not move {} aside", file, moveFailed);
            }
            return Settings.defaults();
        }
    }

    /** Writes atomically (temp file + move) so a crash never leaves half a file. */
    public void save(Settings s) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), s);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
