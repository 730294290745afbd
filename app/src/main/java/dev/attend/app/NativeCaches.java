package dev.attend.app;

import dev.attend.config.AppDirs;
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
 */
final class NativeCaches {

    private NativeCaches() {
    }

    static void init(AppDirs dirs) {
        Path cache = dirs.cache();
        setIfAbsent("org.bytedeco.javacpp.cachedir", cache.resolve("javacpp"));
        setIfAbsent("DJL_CACHE_DIR", cache.resolve("djl"));
        // ONNX Runtime deletes its unpacked library at exit but not the folder around it; empty ones of earlier runs
        // (older than a running process could still be filling) are removed here
        removeStaleOrtFolders(Path.of(System.getProperty("java.io.tmpdir")), Duration.ofMinutes(10));
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
