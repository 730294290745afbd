package dev.attend.asr.models;

/**
 * Where a download stands.
 *
 * @param bytesDone      bytes on disk so far (including a resumed part)
 * @param bytesTotal     size of the whole file, or -1 when the server did not say
 * @param bytesPerSecond average speed of this session's transfer (not counting resumed bytes)
 * @param resumedFrom    bytes that were already on disk when this transfer started (0 = fresh download)
 */
public record DownloadProgress(long bytesDone, long bytesTotal, double bytesPerSecond, long resumedFrom) {

    /** 0..1, or -1 when the total is unknown. */
    public double fraction() {
        return bytesTotal > 0 ? Math.min(1.0, (double) bytesDone / bytesTotal) : -1;
    }

    public boolean complete() {
        return bytesTotal >= 0 && bytesDone == bytesTotal;
    }
}
