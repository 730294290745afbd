package dev.attend.asr.vosk;

import org.vosk.LibVosk;
import org.vosk.LogLevel;

/** Loads libvosk once (from the vosk jar) and keeps its own logging to warnings. */
public final class VoskNative {

    private static volatile Throwable failure;
    private static volatile boolean loaded;

    private VoskNative() {
    }

    /**
     * @throws VoskUnavailableException when the native library cannot be loaded, with the platform and reason
     */
    public static synchronized void ensureLoaded() {
        if (loaded) {
            return;
        }
        if (failure == null) {
            try {
                LibVosk.setLogLevel(LogLevel.WARNINGS);
                loaded = true;
                return;
            } catch (LinkageError | RuntimeException e) {
                failure = e;
            }
        }
        throw new VoskUnavailableException("libvosk could not be loaded on " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + " (the vosk jar ships Linux x86-64, Windows x86-64 and macOS): "
                + rootMessage(failure), failure);
    }

    /** libvosk's level below its errors: nothing it says reaches stderr (Kaldi's ERROR is -2). */
    private static final int SILENT = -3;

    /**
     * Runs {@code load} with libvosk silent: a damaged file makes it echo raw bytes to stderr, and the caller reports
     * the failure itself (with {@link VoskLoadProbe}'s cleaned-up reason).
     */
    static synchronized <T> T quietly(java.util.concurrent.Callable<T> load) throws Exception {
        ensureLoaded();
        LibVosk.vosk_set_log_level(SILENT);
        try {
            return load.call();
        } finally {
            LibVosk.setLogLevel(LogLevel.WARNINGS);
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.toString() : c.getMessage();
    }
}
