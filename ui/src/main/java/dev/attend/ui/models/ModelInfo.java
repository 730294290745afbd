package dev.attend.ui.models;

/**
 * A Vosk model as the model manager lists it.
 *
 * @param name      model name, e.g. {@code vosk-model-small-en-us-0.15}
 * @param language  language code or name
 * @param sizeBytes download or on-disk size; 0 when unknown
 * @param installed whether it is on disk
 * @param inUse     whether sessions use it
 * @param recommended the catalogue's suggestion for its language (the newest small current model)
 */
public record ModelInfo(String name, String language, long sizeBytes, boolean installed, boolean inUse,
                        boolean recommended) {

    public ModelInfo(String name, String language, long sizeBytes, boolean installed, boolean inUse) {
        this(name, language, sizeBytes, installed, inUse, false);
    }

    /** "48 MB" / "1.8 GB" style size. */
    public String sizeText() {
        if (sizeBytes <= 0) {
            return "?";
        }
        if (sizeBytes < 10 * 1024) { // a small model: "3.6 KB", not a rounded-up "4 KB"
            return String.format(java.util.Locale.ROOT, "%.1f KB", sizeBytes / 1024.0);
        }
        if (sizeBytes < 1024 * 1024) {
            return (sizeBytes + 1023) / 1024 + " KB";
        }
        if (sizeBytes < 1024L * 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.0f MB", sizeBytes / (1024.0 * 1024));
        }
        return String.format(java.util.Locale.ROOT, "%.1f GB", sizeBytes / (1024.0 * 1024 * 1024));
    }
}
