package dev.attend.asr.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attend.config.AppDirs;
import dev.attend.models.ModelIntegrityException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloads against an entry that pins the archive's SHA-256 and exact size (as the built-in list does), served from
 * 127.0.0.1: the right bytes install; one changed byte, or one byte more, is refused with nothing installed.
 */
@Timeout(60)
class PinnedChecksumDownloadTest {

    private static final String NAME = "vosk-model-small-xx-0.1";

    @TempDir
    Path tmp;

    private LocalModelServer server;
    private AppDirs dirs;
    private VoskModelManager manager;
    private ZippedModel zip;

    @BeforeEach
    void setUp() throws IOException {
        server = new LocalModelServer();
        dirs = new AppDirs(tmp.resolve("config"), tmp.resolve("data"), tmp.resolve("cache"));
        ModelEnvironment env = new ModelEnvironment(Map.of(), tmp.resolve("home"), "Linux", Locale.US, List.of());
        manager = new VoskModelManager(dirs, env, ModelDownloader.defaultClient(), server.catalogUri(),
                ExtractionLimits.DEFAULT);
        zip = new ZippedModel(FakeVoskModel.write(tmp.resolve("src").resolve(NAME), 100_000));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    /** The entry a pinned list would carry for {@link #zip}: its SHA-256 and byte count, no MD5. */
    private VoskModelInfo pinned(long size, String sha256) {
        return new VoskModelInfo(NAME, "xx", "Test", size, "", "", server.url(NAME), "small", false, "0.1",
                sha256);
    }

    @Test
    void theRightBytesInstallAfterTheSha256Check() throws IOException {
        server.add(zip, "");
        List<String> steps = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Path installed = manager.install(pinned(zip.bytes().length, sha256(zip.bytes())),
                listener(steps, warnings), new Cancellation());

        assertThat(VoskModelLayout.isModel(installed)).isTrue();
        assertThat(steps).contains("verifying SHA-256");
        assertThat(warnings).isEmpty(); // verified: no "no checksum published" warning
        assertThat(Files.exists(manager.partFile(NAME))).isFalse();
    }

    @Test
    void oneChangedByteIsRefusedWithOneLineAndNothingInstalled() throws IOException {
        byte[] altered = zip.bytes();
        altered[altered.length / 2] ^= 0x01;
        server.add(new ZippedModel(NAME, altered), "");
        String expected = sha256(zip.bytes());

        assertThatThrownBy(() -> manager.install(pinned(zip.bytes().length, expected), InstallListener.NONE,
                new Cancellation()))
                .isInstanceOf(ModelIntegrityException.class)
                .hasMessage("download of " + NAME + " is damaged or not the listed archive: SHA-256 "
                        + sha256(altered) + " does not match the pinned " + expected
                        + "; the file was deleted and nothing was installed, try again");
        assertNothingInstalled();
    }

    @Test
    void aSizeMismatchIsRefusedEvenWhenTheDigestWouldBeChecked() throws IOException {
        byte[] longer = java.util.Arrays.copyOf(zip.bytes(), zip.bytes().length + 1);
        server.add(new ZippedModel(NAME, longer), "");

        assertThatThrownBy(() -> manager.install(pinned(zip.bytes().length, sha256(zip.bytes())),
                InstallListener.NONE, new Cancellation()))
                .isInstanceOf(ModelIntegrityException.class)
                .hasMessageContaining("it has " + longer.length + " bytes, the list says " + zip.bytes().length)
                .hasMessageContaining("nothing was installed");
        assertNothingInstalled();
    }

    @Test
    void theSha256WinsOverAWrongMd5AndAnMd5AloneStillVerifies() throws IOException {
        server.add(zip, "");
        VoskModelInfo both = new VoskModelInfo(NAME, "xx", "Test", zip.bytes().length, "",
                "0123456789abcdef0123456789abcdef", server.url(NAME), "small", false, "0.1", sha256(zip.bytes()));
        assertThat(VoskModelLayout.isModel(manager.install(both, InstallListener.NONE, new Cancellation()))).isTrue();
        manager.remove(NAME);

        VoskModelInfo md5Only = new VoskModelInfo(NAME, "xx", "Test", zip.bytes().length, "",
                "0123456789abcdef0123456789abcdef", server.url(NAME), "small", false, "0.1");
        assertThatThrownBy(() -> manager.install(md5Only, InstallListener.NONE, new Cancellation()))
                .isInstanceOf(ModelIntegrityException.class)
                .hasMessageContaining("MD5 " + zip.md5() + " does not match the published "
                        + "0123456789abcdef0123456789abcdef");
        assertNothingInstalled();
    }

    @Test
    void aResumedDownloadFailingItsSha256IsFetchedOnceMoreFromTheStart() throws IOException {
        server.add(zip, "");
        // a stale part from another version of the file: its head is wrong, so only a fresh download can pass
        Files.createDirectories(manager.partFile(NAME).getParent());
        Files.write(manager.partFile(NAME), new byte[1000]);
        List<String> warnings = new ArrayList<>();
        Path installed = manager.install(pinned(zip.bytes().length, sha256(zip.bytes())),
                listener(new ArrayList<>(), warnings), new Cancellation());

        assertThat(VoskModelLayout.isModel(installed)).isTrue();
        assertThat(warnings).singleElement().asString().contains("failed its SHA-256 check; downloading again");
        assertThat(server.rangeHeaders()).containsExactly("bytes=1000-", "");
    }

    private void assertNothingInstalled() throws IOException {
        assertThat(Files.exists(dirs.models().resolve("vosk").resolve(NAME))).isFalse();
        assertThat(Files.exists(manager.partFile(NAME))).isFalse();
        assertThat(manager.locator().discover()).isEmpty();
        Path root = dirs.models().resolve("vosk");
        if (Files.isDirectory(root)) {
            try (Stream<Path> s = Files.list(root)) {
                assertThat(s.toList()).isEmpty();
            }
        }
    }

    private static InstallListener listener(List<String> steps, List<String> warnings) {
        return new InstallListener() {
            @Override
            public void onStep(String step) {
                steps.add(step);
            }

            @Override
            public void onWarning(String message) {
                warnings.add(message);
            }
        };
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
