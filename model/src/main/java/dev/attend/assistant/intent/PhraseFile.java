package dev.attend.assistant.intent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's phrase file, re-read when it changes (modification time or size). It is created from the bundled
 * phrases on first use. A file that stops parsing keeps the last good phrases and logs the problem once per change.
 */
public final class PhraseFile {

    private static final Logger LOG = LoggerFactory.getLogger(PhraseFile.class);

    private final Path file;
    private FileTime lastModified;
    private long lastSize = -1;
    private IntentPhrases current;
    private String lastError;

    public PhraseFile(Path file) {
        this.file = Objects.requireNonNull(file);
    }

    /** Writes the bundled phrase file to {@code file} when it does not exist yet. */
    public static PhraseFile createIfMissing(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (InputStream in = PhraseFile.class.getResourceAsStream(IntentPhrases.BUNDLED)) {
                Files.copy(Objects.requireNonNull(in, IntentPhrases.BUNDLED), file, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return new PhraseFile(file);
    }

    public Path file() {
        return file;
    }

    /** The phrases, re-read if the file changed since the last call. */
    public synchronized IntentPhrases phrases() throws IOException {
        FileTime mtime = Files.getLastModifiedTime(file);
        long size = Files.size(file);
        if (current == null || !mtime.equals(lastModified) || size != lastSize) {
            lastModified = mtime;
            lastSize = size;
            try {
                current = IntentPhrases.read(file);
                lastError = null;
                LOG.info("intent phrases: {} phrases for {} intents from {}", current.size(),
                        current.byIntent().size(), file);
            } catch (IllegalArgumentException e) {
                if (current == null) {
                    throw e;
                }
                if (!e.getMessage().equals(lastError)) {
                    LOG.warn("{}; keeping the previous phrases", e.getMessage());
                    lastError = e.getMessage();
                }
            }
        }
        return current;
    }

    /** The last problem with the file, or null. */
    public synchronized String lastError() {
        return lastError;
    }
}
