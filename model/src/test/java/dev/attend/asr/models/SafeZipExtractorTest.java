package dev.attend.asr.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attend.config.AppDirs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Hostile archives are refused before anything is written, and nothing lands outside the target. */
@Timeout(60) // a hung transfer fails the test instead of stalling the build
class SafeZipExtractorTest {

    private static final String NAME = "vosk-model-evil";

    @TempDir
    Path tmp;

    private AppDirs dirs;
    private VoskModelManager manager;

    @BeforeEach
    void setUp() {
        dirs = new AppDirs(tmp.resolve("config"), tmp.resolve("data"), tmp.resolve("cache"));
        manager = new VoskModelManager(dirs,
                new ModelEnvironment(Map.of(), tmp.resolve("home"), "Linux", Locale.US, List.of()),
                ModelDownloader.defaultClient(), java.net.URI.create("http://127.0.0.1:9/none"),
                new ExtractionLimits(1 << 20, 100));
    }

    @Test
    void aValidArchiveUnpacksIntoPlace() throws IOException {
        Path zip = writeZip(z -> {
            file(z, NAME + "/am/final.mdl", "am");
            file(z, NAME + "/conf/model.conf", "--beam=13");
            file(z, NAME + "/graph/HCLG.fst", "fst");
        });
        Path installed = manager.installZip(zip, NAME, InstallListener.NONE, new Cancellation());
        assertThat(Files.readString(installed.resolve("conf/model.conf"))).isEqualTo("--beam=13");
    }

    @Test
    void dotDotEntryIsRefusedAndNothingIsWrittenOutside() throws IOException {
        assertRefused(z -> {
            file(z, NAME + "/am/final.mdl", "am");
            file(z, "../evil", "pwned");
            file(z, NAME + "/../../evil2", "pwned");
        }, "climbs out of its folder");
    }

    @Test
    void absolutePathEntryIsRefused() throws IOException {
        String abs = tmp.resolve("abs-evil").toAbsolutePath().toString().replace('\\', '/');
        assertRefused(z -> {
            file(z, NAME + "/am/final.mdl", "am");
            file(z, abs, "pwned");
        }, "is an absolute path");
        assertThat(Files.exists(tmp.resolve("abs-evil"))).isFalse();
    }

    @Test
    void windowsDrivePathEntryIsRefused() throws IOException {
        assertRefused(z -> file(z, "C:\\evil", "pwned"), "is an absolute path");
    }

    @Test
    void symlinkEntryIsRefused() throws IOException {
        assertRefused(z -> {
            file(z, NAME + "/am/final.mdl", "am");
            ZipArchiveEntry link = new ZipArchiveEntry(NAME + "/conf/model.conf");
            link.setUnixMode(UnixStat.LINK_FLAG | 0777);
            z.putArchiveEntry(link);
            z.write("/etc/passwd".getBytes(StandardCharsets.UTF_8));
            z.closeArchiveEntry();
        }, "is a symbolic link");
    }

    @Test
    void zipBombOverTheByteCapIsRefused() throws IOException {
        byte[] zeros = new byte[2 << 20]; // 2 MiB of zeros: a few KiB compressed, over the 1 MiB cap
        assertRefused(z -> {
            ZipArchiveEntry e = new ZipArchiveEntry(NAME + "/am/final.mdl");
            z.putArchiveEntry(e);
            z.write(zeros);
            z.closeArchiveEntry();
        }, "unpacks to more than 1048576 bytes");
    }

    @Test
    void tooManyEntriesAreRefused() throws IOException {
        assertRefused(z -> {
            for (int i = 0; i < 101; i++) {
                file(z, NAME + "/graph/f" + i, "x");
            }
        }, "has 101 entries, more than the 100 allowed");
    }

    @Test
    void theByteCapHoldsWhenDeclaredSizesLie() throws IOException {
        SafeZipExtractor x = new SafeZipExtractor(new ExtractionLimits(1000, 10));
        Path zip = writeZip(z -> file(z, "a/b", "y".repeat(5000)));
        // claim 10 uncompressed bytes in both headers: only counting the written bytes catches it
        byte[] b = Files.readAllBytes(zip);
        patchInt(b, indexOf(b, new byte[] {'P', 'K', 3, 4}) + 22, 10);
        patchInt(b, indexOf(b, new byte[] {'P', 'K', 1, 2}) + 24, 10);
        Files.write(zip, b);
        try (org.apache.commons.compress.archivers.zip.ZipFile zf =
                     org.apache.commons.compress.archivers.zip.ZipFile.builder().setPath(zip).get()) {
            assertThat(zf.getEntry("a/b").getSize()).isEqualTo(10);
        }
        Path dest = Files.createDirectories(tmp.resolve("dest"));
        assertThatThrownBy(() -> x.extract(zip, dest)).isInstanceOf(UnsafeArchiveException.class)
                .hasMessageContaining("more than 1000 bytes");
    }

    private void assertRefused(ZipWriter content, String why) throws IOException {
        Path zip = writeZip(content);
        List<Path> before = tree(tmp);

        assertThatThrownBy(() -> manager.installZip(zip, NAME, InstallListener.NONE, new Cancellation()))
                .isInstanceOf(UnsafeArchiveException.class).hasMessageContaining(why);

        List<Path> after = tree(tmp);
        // the only new things: the (empty) models folder that install creates
        assertThat(after).containsAll(before);
        assertThat(after.stream().filter(p -> !before.contains(p)))
                .allSatisfy(p -> assertThat(dirs.models().resolve("vosk").startsWith(p)
                        || p.equals(dirs.models().resolve("vosk"))).isTrue());
        try (Stream<Path> s = Files.list(dirs.models().resolve("vosk"))) {
            assertThat(s.toList()).isEmpty();
        }
        assertThat(Files.exists(tmp.resolve("evil"))).isFalse();
        assertThat(Files.exists(tmp.getParent().resolve("evil"))).isFalse();
    }

    private static int indexOf(byte[] data, byte[] sig) {
        outer:
        for (int i = 0; i + sig.length <= data.length; i++) {
            for (int j = 0; j < sig.length; j++) {
                if (data[i + j] != sig[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("signature not found");
    }

    private static void patchInt(byte[] data, int at, int value) {
        for (int k = 0; k < 4; k++) {
            data[at + k] = (byte) (value >>> (8 * k));
        }
    }

    private static List<Path> tree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.sorted().toList();
        }
    }

    private Path writeZip(ZipWriter content) throws IOException {
        Path zip = Files.createTempFile(tmp, "archive", ".zip");
        try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(zip)) {
            content.write(z);
        }
        return zip;
    }

    private static void file(ZipArchiveOutputStream z, String name, String text) throws IOException {
        z.putArchiveEntry(new ZipArchiveEntry(name));
        z.write(text.getBytes(StandardCharsets.UTF_8));
        z.closeArchiveEntry();
    }

    @FunctionalInterface
    private interface ZipWriter {
        void write(ZipArchiveOutputStream z) throws IOException;
    }
}
