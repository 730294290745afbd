package dev.attend.asr.models;

/** Where a model was found; only {@link #ATTEND} models can be removed by Attend. */
public enum ModelSource {
    /** Installed or imported by Attend under its data dir. */
    ATTEND("installed"),
    /** A folder named by the {@code VOSK_MODEL_PATH} environment variable. */
    VOSK_MODEL_PATH("VOSK_MODEL_PATH"),
    /** The shared system folder ({@code /usr/share/vosk}). */
    SYSTEM("system"),
    /** The per-user cache of Vosk's Python client. */
    VOSK_CACHE("vosk cache"),
    /** A folder the user named directly (--model DIR, attend models use DIR). */
    FOLDER("folder");

    private final String label;

    ModelSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
