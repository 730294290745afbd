package dev.attend.app;

import dev.attend.concurrent.AttendThreads;
import dev.attend.config.AppDirs;
import dev.attend.models.BundledModel;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the native libraries' own caches inside Attend's cache folder: JavaCPP (FFmpeg, ~60 MB) and DJL (the
 * tokenizers' native library) would otherwise unpack into {@code ~/.javacpp} and {@code ~/.djl.ai}, and ONNX
 * Runtime leaves an empty {@code onnxruntime-java*} folder in the temp folder on every run (the JDK fixes the temp
 * folder at start-up, so those are swept instead). Must run before any of them loads; a property the user set wins.
 * A cache folder that cannot be written (read-only, full) must not turn ONNX Runtime off for the whole run (issue 18,
 * defect 6: DJL's engine then fails to load and every bundled model is a {@code source.error}): the caches go into
 * the run's temporary fallback folder instead, deleted at exit.
 */
final class NativeCaches {

    private NativeCaches() {
    }

    static void init(AppDirs dirs) {
        Path cache = writableOrFallback(dirs.cache());
        setIfAbsent("org.bytedeco.javacpp.cachedir", cache.resolve("javacpp"));
        setIfAbsent("DJL_CACHE_DIR", cache.resolve("djl"));
        // ONNX Runtime deletes its unpacked library at exit but not the folder around it; empty ones of earlier runs
        // (older than a running process could still be filling) are removed here
        removeStaleOrtFolders(Path.of(System.getProperty("java.io.tmpdir")), Duration.ofMinutes(10));
    }

    /** {@code cache} when a file can be created in it, else this run's temporary folder (emptied at exit). */
    static Path writableOrFallback(Path cache) {
        try {
            Files.createDirectories(cache);
            Files.delete(Files.createTempFile(cache, ".write-test-", ".tmp"));
            return cache;
        } catch (IOException | SecurityException e) {
            try {
                Path fallback = BundledModel.fallbackDir();
                Runtime.getRuntime().addShutdownHook(AttendThreads.newThread("native-cache-cleanup",
                        () -> deleteQuietly(fallback)));
                return fallback;
            } catch (IOException none) {
                return cache; // no temp folder either: the libraries report their own error
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort at exit
        }
    }

    private static void setIfAbsent(String key, Path value) {
        if (System.getProperty(key) == null && System.getenv(key) == null) {
            System.setProperty(key, value.toString());
        }
    }

    /** Empty folders ONNX Runtime left behind, older than {@code age} (a running process may be filling one). */
    static int removeStaleOrtFolders(Path tmp, Duration age) {
        int removed = 0;
        Instant before = Instant.now().minus(age);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(tmp, "onnxruntime-java*")) {
            for (Path d : ds) {
                try {
                    if (Files.isDirectory(d) && Files.getLastModifiedTime(d).toInstant().isBefore(before)
                            && isEmpty(d)) {
                        Files.delete(d);
                        removed++;
                    }
                } catch (IOException e) {
                    // someone else's, or just filled: leave it
                }
            }
        } catch (IOException e) {
            // nothing to tidy
        }
        return removed;
    }

    private static boolean isEmpty(Path d) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(d)) {
            return !ds.iterator().hasNext();
        }
    }
}
