package dev.attend.asr.models;

import java.io.IOException;

/** The user cancelled a download or install; any {@code .part} file is kept so the next attempt resumes. */
public class DownloadCancelledException extends IOException {

    private static final long serialVersionUID = 1L;

    public DownloadCancelledException(String message) {
        super(message);
    }
}
