package dev.attend.asr.models;

import dev.attend.models.ModelIntegrityException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model zip downloaded into its part file and checked against the catalog's MD5: a resumed download that fails
 * the check is fetched once more from the start (its tail may belong to another file version); a damaged one is
 * deleted. Without a published MD5 the download is kept with a warning.
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
        if (!info.hasMd5()) {
            listener.onWarning("no checksum published for " + name + " in the " + source
                    + "; the download could not be verified ('attend models refresh' may bring one)");
            return;
        }
        listener.onStep("verifying MD5");
        String actual = Md5.of(part);
        if (!actual.equals(info.md5()) && resumed) {
            listener.onWarning("the resumed download of " + name + " failed its MD5 check; downloading again "
                    + "from the start");
            Files.deleteIfExists(part);
            downloader.download(url, part, listener, cancel);
            actual = Md5.of(part);
        }
        if (!actual.equals(info.md5())) {
            Files.deleteIfExists(part);
            throw new ModelIntegrityException("download of " + name + " is damaged: MD5 " + actual
                    + " does not match the published " + info.md5()
                    + "; the file was deleted and nothing was installed, try again");
        }
    }
}
