package dev.attend.asr.models;

import dev.attend.models.ModelIntegrityException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model zip downloaded into its part file and checked against its catalog entry: the exact size and the SHA-256
 * when the entry pins one, else the MD5 the official list publishes. A resumed download that fails the check is
 * fetched once more from the start (its tail may belong to another file version); a damaged one is deleted and
 * nothing is installed. Without any checksum the download is kept with a warning.
 */
final class VerifiedDownload {

    private final ModelDownloader downloader;

    VerifiedDownload(ModelDownloader downloader) {
        this.downloader = downloader;
    }

    /** Downloads {@code info} into {@code part}; {@code source} names the model list in the warning. */
    void fetch(VoskModelInfo info, URI url, Path part, String source, InstallListener listener, Cancellation cancel)
            throws IOException {
        String name = info.name();
        boolean resumed = downloader.download(url, part, listener, cancel);
        if (!info.hasChecksum()) {
            listener.onWarning("no checksum published for " + name + " in the " + source
                    + "; the download could not be verified ('attend models refresh' may bring one)");
            return;
        }
        String algorithm = info.hasSha256() ? "SHA-256" : "MD5";
        listener.onStep("verifying " + algorithm);
        String problem = FileDigest.of(part).mismatch(info);
        if (problem != null && resumed) {
            listener.onWarning("the resumed download of " + name + " failed its " + algorithm
                    + " check; downloading again from the start");
            Files.deleteIfExists(part);
            downloader.download(url, part, listener, cancel);
            problem = FileDigest.of(part).mismatch(info);
        }
        if (problem != null) {
            Files.deleteIfExists(part);
            throw new ModelIntegrityException("download of " + name + " is damaged or not the listed archive: "
                    + problem + "; the file was deleted and nothing was installed, try again");
        }
    }
}
