package dev.attend.asr.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attend.config.AppDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The user's model choices ({@code attend models use NAME}), in a small JSON file of its own under the config dir:
 * {@code {"vosk": {"model": "NAME or folder"}}}. Keys it does not know are kept when it writes.
 */
public final class ModelSettings {

    static final String FILE = "models.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public ModelSettings(Path file) {
        this.file = file;
    }

    public static ModelSettings of(AppDirs dirs) {
        return new ModelSettings(dirs.config().resolve(FILE));
    }

    public Path file() {
        return file;
    }

    /** The chosen Vosk model (name or folder), if any. A damaged file reads as "no choice" with a clear error. */
    public Optional<String> voskModel() throws IOException {
        ObjectNode root = read();
        String v = root.path("vosk").path("model").asText("");
        return v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    public void setVoskModel(String nameOrDir) throws IOException {
        ObjectNode root = read();
        root.withObjectProperty("vosk").put("model", nameOrDir);
        write(root);
    }

    public void clearVoskModel() throws IOException {
        ObjectNode root = read();
        if (root.path("vosk") instanceof ObjectNode vosk) {
            vosk.remove("model");
            write(root);
        }
    }

    private ObjectNode read() throws IOException {
        if (!Files.isRegularFile(file)) {
            return JSON.createObjectNode();
        }
        try {
            if (JSON.readTree(file.toFile()) instanceof ObjectNode o) {
                return o;
            }
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException("settings file " + file + " is not valid JSON (" + e.getOriginalMessage()
                    + "); fix or delete it", e);
        }
        throw new IOException("settings file " + file + " does not hold a JSON object; fix or delete it");
    }

    private void write(ObjectNode root) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, FILE, ".tmp");
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
