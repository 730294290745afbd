package dev.attend.asr.models;

/**
 * Caps for unpacking an archive, against zip bombs. Counted on the bytes actually written, not on the sizes the
 * archive declares.
 *
 * @param maxTotalBytes most uncompressed bytes in all
 * @param maxEntries    most entries (files and folders)
 */
public record ExtractionLimits(long maxTotalBytes, int maxEntries) {

    /** The largest official Vosk models unpack to a few GiB with a few hundred files; these leave a wide margin. */
    public static final ExtractionLimits DEFAULT = new ExtractionLimits(16L << 30, 20_000);

    public ExtractionLimits {
        if (maxTotalBytes <= 0 || maxEntries <= 0) {
            throw new IllegalArgumentException("limits must be positive: " + maxTotalBytes + ", " + maxEntries);
        }
    }
}
