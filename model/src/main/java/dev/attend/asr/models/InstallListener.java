package dev.attend.asr.models;

/** Callbacks while a model is installed; all optional. Called on the installing thread. */
public interface InstallListener {

    InstallListener NONE = new InstallListener() {
    };

    /** Download progress, at most once per received buffer. */
    default void onProgress(DownloadProgress progress) {
    }

    /** A step begins ("downloading", "verifying", "extracting"). */
    default void onStep(String step) {
    }

    /** Something the user should know that does not stop the install (e.g. no checksum published). */
    default void onWarning(String message) {
    }
}
