package dev.attend.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * A model file shipped on the class path (the {@code resources} module, or a library jar), pinned by SHA-256.
 * ONNX Runtime loads from files, so {@link #materialize()} copies it into the cache folder once
 * ({@code <cache>/models/<sha256-prefix>/<file name>}) and verifies it on every load: a mismatch fails with a message
 * naming the file, never a silent load of something else.
 *
 * @param resource class-path resource name, e.g. {@code /dev/attend/resources/models/silero_vad.onnx}
 * @param sha256   expected SHA-256 (lowercase hex)
 */
public record BundledModel(String resource, String sha256) {

    /** System property that overrides the cache folder (tests point it into target/). */
    public static final String CACHE_PROPERTY = "attend.cache.dir";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BundledModel.class);
    private static final java.util.concurrent.atomic.AtomicBoolean WARNED = new java.util.concurrent.atomic.AtomicBoolean();
    private static volatile Path fallback;

    public BundledModel {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(sha256, "sha256");
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 hex string: " + sha256);
        }
    }

    public String fileName() {
        return resource.substring(resource.lastIndexOf('/') + 1);
    }

    /** The verified bytes of the resource. */
    public byte[] readVerified() throws IOException {
        byte[] data;
        try (InputStream in = open()) {
            data = in.readAllBytes();
        }
        String actual = Sha256.of(data);
        if (!actual.equals(sha256)) {
            throw mismatch(actual);
        }
        return data;
    }

    /** A verified file copy in the default cache folder. */
    public Path materialize() throws IOException {
        return materialize(defaultCacheDir());
    }

    /**
     * A verified file copy under {@code cacheDir}; re-copied when the cached copy was changed or damaged. A cache
     * folder that cannot be written (read-only, full, not a folder) does not turn the model off: the copy goes into
     * {@link #fallbackDir()} for this run instead, with one warning.
     */
    public Path materialize(Path cacheDir) throws IOException {
        Path target = cacheDir.resolve("models").resolve(sha256.substring(0, 16)).resolve(fileName());
        if (Files.isRegularFile(target) && sha256.equals(Sha256.of(target))) {
            return target;
        }
        try {
            return copyInto(cacheDir);
        } catch (ModelIntegrityException e) {
            throw e;
        } catch (IOException e) {
            Path fallback = fallbackDir();
            if (WARNED.compareAndSet(false, true)) {
                LOG.warn("cache folder {} cannot be written ({}); bundled models are unpacked into {} for this run",
                        cacheDir, e.getMessage(), fallback);
            }
            return copyInto(fallback);
        }
    }

    /**
     * A private temporary folder for this process (created on first use, emptied when the JVM exits), for model
     * files when the cache folder cannot be written.
     */
    public static synchronized Path fallbackDir() throws IOException {
        if (fallback == null) {
            fallback = Files.createTempDirectory("attend-cache-");
            fallback.toFile().deleteOnExit();
        }
        return fallback;
    }

    /** Marks a file written under {@link #fallbackDir()} (and its folders) for deletion at exit. */
    public static void deleteOnExitIfFallback(Path file) {
        Path fb = fallback;
        if (fb != null && file.startsWith(fb)) {
            for (Path p = file.getParent(); p != null && p.startsWith(fb) && !p.equals(fb); p = p.getParent()) {
                p.toFile().deleteOnExit(); // registered before the file: deleted after it (reverse order)
            }
            file.toFile().deleteOnExit();
        }
    }

    private Path copyInto(Path cacheDir) throws IOException {
        Path dir = cacheDir.resolve("models").resolve(sha256.substring(0, 16));
        Path target = dir.resolve(fileName());
        if (Files.isRegularFile(target) && sha256.equals(Sha256.of(target))) {
            return target;
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, fileName(), ".part");
        try {
            try (InputStream in = open()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            String actual = Sha256.of(tmp);
            if (!actual.equals(sha256)) {
                throw mismatch(actual);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        deleteOnExitIfFallback(target);
        return target;
    }

    private InputStream open() throws IOException {
        InputStream in = BundledModel.class.getResourceAsStream(resource);
        if (in == null) {
            throw new ModelIntegrityException("bundled model " + fileName() + " is missing from the class path ("
                    + resource + "); is the attend-resources jar installed?");
        }
        return in;
    }

    private ModelIntegrityException mismatch(String actual) {
        return new ModelIntegrityException("bundled model " + fileName() + " is damaged or was replaced: SHA-256 "
                + actual + " does not match the expected " + sha256 + " (" + resource + ")");
    }

    /** {@code -Dattend.cache.dir}, else the per-user cache folder. */
    public static Path defaultCacheDir() {
        String p = System.getProperty(CACHE_PROPERTY);
        return p != null ? Path.of(p) : dev.attend.config.AppDirs.resolve(null, null).cache();
    }
}
