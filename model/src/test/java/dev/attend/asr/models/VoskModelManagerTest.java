package dev.attend.asr.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attend.config.AppDirs;
import dev.attend.models.ModelIntegrityException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Download, resume, verification and atomic install against a model server on 127.0.0.1. */
@Timeout(60) // a hung transfer fails the test instead of stalling the build
class VoskModelManagerTest {

    private static final String NAME = "vosk-model-small-en-us-0.15";

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
        // 300 KB of incompressible data: several 64 KiB buffers, so cuts and cancels land mid-transfer
        zip = new ZippedModel(FakeVoskModel.write(tmp.resolve("src").resolve(NAME), 300_000));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void refreshedCatalogPointsAtTheServerAndAZippedModelInstallsAndIsFound() throws IOException {
        server.add(zip);
        VoskModelCatalog catalog = manager.refreshCatalog();
        assertThat(catalog.find(NAME)).isPresent();
        assertThat(Files.isRegularFile(VoskModelCatalog.cacheFile(dirs))).isTrue();

        List<DownloadProgress> progress = new ArrayList<>();
        Path installed = manager.install(NAME, recording(progress), new Cancellation());

        assertThat(installed).isEqualTo(dirs.models().resolve("vosk").resolve(NAME));
        assertThat(VoskModelLayout.isModel(installed)).isTrue();
        assertThat(Files.readAllBytes(installed.resolve("am/final.mdl")))
                .isEqualTo(Files.readAllBytes(tmp.resolve("src").resolve(NAME).resolve("am/final.mdl")));
        assertThat(progress.get(progress.size() - 1).bytesDone()).isEqualTo(zip.bytes().length);
        assertThat(progress.get(progress.size() - 1).bytesTotal()).isEqualTo(zip.bytes().length);
        assertThat(Files.exists(manager.partFile(NAME))).isFalse();
        assertThat(hiddenLeftovers()).isEmpty();

        VoskModelLocator locator = manager.locator();
        assertThat(locator.resolve(NAME)).isEqualTo(installed.toAbsolutePath().normalize());
        assertThat(locator.resolve("default")).isEqualTo(installed.toAbsolutePath().normalize());
        assertThatThrownBy(() -> manager.install(NAME, InstallListener.NONE, new Cancellation()))
                .isInstanceOf(ModelAlreadyInstalledException.class).hasMessageContaining("already installed");
    }

    @Test
    void aDownloadCutInTheMiddleResumesWithRangeAndTheResultIsRight() throws IOException {
        server.add(zip);
        manager.refreshCatalog();
        server.cutNextTransferAfter(100_000);

        assertThatThrownBy(() -> manager.install(NAME, InstallListener.NONE, new Cancellation()))
                .isInstanceOf(IOException.class).hasMessageContaining("resume");
        // a dropped connection may lose what was still in flight: the part has at most what was sent
        long kept = Files.size(manager.partFile(NAME));
        assertThat(kept).isBetween(1L, 100_000L);
        assertThat(Files.exists(dirs.models().resolve("vosk").resolve(NAME))).isFalse();

        List<DownloadProgress> progress = new ArrayList<>();
        Path installed = manager.install(NAME, recording(progress), new Cancellation());

        assertThat(server.rangeHeaders()).containsExactly("", "bytes=" + kept + "-");
        assertThat(progress.get(0).resumedFrom()).isEqualTo(kept);
        assertThat(VoskModelLayout.isModel(installed)).isTrue();
        assertThat(Files.readAllBytes(installed.resolve("am/final.mdl")))
                .isEqualTo(Files.readAllBytes(tmp.resolve("src").resolve(NAME).resolve("am/final.mdl")));
    }

    @Test
    void resumedBytesAreExactlyTheServedFile() throws IOException {
        server.add(zip);
        server.cutNextTransferAfter(70_000);
        Path part = tmp.resolve("dl").resolve("x.zip.part");
        ModelDownloader d = new ModelDownloader(ModelDownloader.defaultClient());
        java.net.URI url = java.net.URI.create(server.url(NAME));

        assertThatThrownBy(() -> d.download(url, part, InstallListener.NONE, new Cancellation()))
                .isInstanceOf(IOException.class);
        assertThat(d.download(url, part, InstallListener.NONE, new Cancellation())).isTrue();

        assertThat(FileDigest.of(part).md5()).isEqualTo(zip.md5());
        // a part that is already whole: the server answers 416 and nothing changes
        assertThat(d.download(url, part, InstallListener.NONE, new Cancellation())).isTrue();
        assertThat(FileDigest.of(part).md5()).isEqualTo(zip.md5());
    }

    @Test
    void aStalledConnectionIsDroppedAndThePartKept() throws IOException {
        server.add(zip);
        server.stallNextTransferAfter(80_000);
        Path part = tmp.resolve("dl").resolve("x.zip.part");
        ModelDownloader d = new ModelDownloader(ModelDownloader.defaultClient(), java.time.Duration.ofMillis(500));

        assertThatThrownBy(() -> d.download(java.net.URI.create(server.url(NAME)), part, InstallListener.NONE,
                new Cancellation())).isInstanceOf(IOException.class).hasMessageContaining("stalled: no data for");
        assertThat(Files.size(part)).isBetween(1L, 80_000L);
    }

    @Test
    void leftoversOfAKilledInstallAreClearedByTheNextOne() throws IOException {
        Path stale = FakeVoskModel.write(dirs.models().resolve("vosk").resolve(".installing-" + NAME + "-123"));
        server.add(zip);
        manager.refreshCatalog();
        manager.install(NAME, InstallListener.NONE, new Cancellation());
        assertThat(Files.exists(stale)).isFalse();
        assertThat(hiddenLeftovers()).isEmpty();
    }

    @Test
    void aServerIgnoringRangeStillYieldsACorrectFile() throws IOException {
        server.add(zip);
        manager.refreshCatalog();
        server.cutNextTransferAfter(150_000);
        assertThatThrownBy(() -> manager.install(NAME, InstallListener.NONE, new Cancellation()))
                .isInstanceOf(IOException.class);
        long kept = Files.size(manager.partFile(NAME));
        assertThat(kept).isBetween(1L, 150_000L);
        server.honourRange(false);

        Path installed = manager.install(NAME, InstallListener.NONE, new Cancellation());

        assertThat(server.rangeHeaders()).containsExactly("", "bytes=" + kept + "-");
        assertThat(Files.readAllBytes(installed.resolve("am/final.mdl")))
                .isEqualTo(Files.readAllBytes(tmp.resolve("src").resolve(NAME).resolve("am/final.mdl")));
    }

    @Test
    void aWrongMd5IsRefusedAndNothingIsInstalled() throws IOException {
        server.add(zip, "0123456789abcdef0123456789abcdef");
        manager.refreshCatalog();

        assertThatThrownBy(() -> manager.install(NAME, InstallListener.NONE, new Cancellation()))
                .isInstanceOf(ModelIntegrityException.class)
                .hasMessageContaining("MD5 " + zip.md5())
                .hasMessageContaining("0123456789abcdef0123456789abcdef");

        assertThat(Files.exists(dirs.models().resolve("vosk").resolve(NAME))).isFalse();
        assertThat(Files.exists(manager.partFile(NAME))).isFalse();
        assertThat(hiddenLeftovers()).isEmpty();
        assertThat(manager.locator().discover()).isEmpty();
    }

    /** Issue 18, defect 9: an entry without MD5 (as in the built-in list) gets its checksum from the current list. */
    @Test
    void anEntryWithoutChecksumIsVerifiedAgainstTheCurrentList() throws IOException {
        server.add(zip, "");
        manager.refreshCatalog(); // the cached list now lacks the MD5, like the built-in one
        server.add(zip, "0123456789abcdef0123456789abcdef"); // the published list has one (here a wrong one)
        assertThatThrownBy(() -> manager.install(NAME, InstallListener.NONE, new Cancellation()))
                .isInstanceOf(ModelIntegrityException.class).hasMessageContaining("0123456789abcdef0123456789abcdef");
        assertThat(manager.catalog().find(NAME).orElseThrow().md5()).isEqualTo("0123456789abcdef0123456789abcdef");
        server.add(zip);
        manager.refreshCatalog();
        server.add(zip, "");
        List<String> warnings = new ArrayList<>();
        manager.install(NAME, new InstallListener() {
            @Override
            public void onWarning(String message) {
                warnings.add(message);
            }
        }, new Cancellation());
        assertThat(warnings).isEmpty(); // the cached MD5 was used: the list without one was not fetched again
        assertThat(manager.locator().find(NAME)).isPresent();
    }

    @Test
    void noPublishedChecksumInstallsWithAWarning() throws IOException {
        server.add(zip, "");
        manager.refreshCatalog();
        List<String> warnings = new ArrayList<>();

        manager.install(NAME, new InstallListener() {
            @Override
            public void onWarning(String message) {
                warnings.add(message);
            }
        }, new Cancellation());

        assertThat(warnings).singleElement().asString().contains("no checksum published for " + NAME);
        assertThat(manager.locator().find(NAME)).isPresent();
    }

    @Test
    void cancelLeavesNoInstalledModelAndKeepsThePartForResume() throws IOException {
        server.add(zip);
        manager.refreshCatalog();
        Cancellation cancel = new Cancellation();
        InstallListener cancelOnFirstBytes = new InstallListener() {
            @Override
            public void onProgress(DownloadProgress p) {
                if (p.bytesDone() > 0) {
                    cancel.cancel();
                }
            }
        };

        assertThatThrownBy(() -> manager.install(NAME, cancelOnFirstBytes, cancel))
                .isInstanceOf(DownloadCancelledException.class);

        assertThat(Files.exists(dirs.models().resolve("vosk").resolve(NAME))).isFalse();
        assertThat(manager.locator().discover()).isEmpty();
        long kept = Files.size(manager.partFile(NAME));
        assertThat(kept).isPositive().isLessThan(zip.bytes().length);

        manager.install(NAME, InstallListener.NONE, new Cancellation());
        assertThat(server.rangeHeaders()).containsExactly("", "bytes=" + kept + "-");
        assertThat(manager.locator().find(NAME)).isPresent();
    }

    @Test
    void theSpeakerModelDownloadInstallsWithItsPinnedFilesAndIsNotOfferedAsASpeechModel() throws IOException {
        // the real bundled vosk-model-spk-0.4, zipped the way the official download is laid out
        Path spk = dev.attend.speaker.SpeakerModelBundle.materialize(tmp.resolve("spk-cache"));
        Path src = tmp.resolve("src-spk").resolve(dev.attend.speaker.SpeakerModelBundle.NAME);
        Files.createDirectories(src);
        for (String f : dev.attend.speaker.SpeakerModelBundle.FILES.keySet()) {
            Files.copy(spk.resolve(f), src.resolve(f));
        }
        server.add(new ZippedModel(src));
        manager.refreshCatalog();

        Path installed = manager.install(dev.attend.speaker.SpeakerModelBundle.NAME, InstallListener.NONE,
                new Cancellation());

        assertThat(VoskModelLayout.isSpeakerModel(installed)).isTrue();
        assertThat(dev.attend.speaker.SpeakerModelBundle.isVerified(installed)).isTrue();
        assertThat(manager.locator().find(dev.attend.speaker.SpeakerModelBundle.NAME)).isEmpty();
        // this build bundles the model, so the installed copy is only the fallback
        dev.attend.speaker.SpeakerSetup setup = dev.attend.speaker.SpeakerSetup.bundled(List.of());
        assertThat(setup.orInstalled(installed).modelDir()).isNull();
    }

    @Test
    void theBuiltInCatalogOffersTheOfficialSpeakerModel() {
        VoskModelInfo spk = VoskModelCatalog.builtIn().find("vosk-model-spk-0.4").orElseThrow();
        assertThat(spk.type()).isEqualTo("spk");
        assertThat(spk.url()).endsWith("/vosk-model-spk-0.4.zip");
        assertThat(VoskModelCatalog.builtIn().recommended("en-us").orElseThrow().name()).isNotEqualTo(spk.name());
    }

    @Test
    void anArchiveWithoutAModelIsRefusedAndNothingIsLeft() throws IOException {
        Path notModel = tmp.resolve("src2").resolve("vosk-model-broken");
        Files.createDirectories(notModel.resolve("am"));
        Files.writeString(notModel.resolve("am/final.mdl"), "x");
        server.add(new ZippedModel(notModel));
        manager.refreshCatalog();

        assertThatThrownBy(() -> manager.install("vosk-model-broken", InstallListener.NONE, new Cancellation()))
                .isInstanceOf(ModelNotFoundException.class).hasMessageContaining("no conf/model.conf");
        assertThat(Files.exists(dirs.models().resolve("vosk").resolve("vosk-model-broken"))).isFalse();
        assertThat(hiddenLeftovers()).isEmpty();
    }

    @Test
    void unknownNameGivesTheListHint() {
        assertThatThrownBy(() -> manager.install("vosk-model-nope", InstallListener.NONE, new Cancellation()))
                .isInstanceOf(ModelNotFoundException.class).hasMessageContaining("attend models list --all");
    }

    @Test
    void importCopiesAValidFolderAndRemoveDeletesItAndClearsTheChoice() throws IOException {
        Path src = FakeVoskModel.write(tmp.resolve("mine").resolve("my-model"));
        Path imported = manager.importDir(src, null);
        assertThat(imported).isEqualTo(dirs.models().resolve("vosk").resolve("my-model"));
        assertThat(VoskModelLayout.isModel(imported)).isTrue();
        assertThat(VoskModelLayout.isModel(src)).isTrue(); // the original stays

        manager.use("my-model");
        assertThat(ModelSettings.of(dirs).voskModel()).contains("my-model");

        manager.remove("my-model");
        assertThat(Files.exists(imported)).isFalse();
        assertThat(ModelSettings.of(dirs).voskModel()).isEmpty();
        assertThat(hiddenLeftovers()).isEmpty();
    }

    @Test
    void importRefusesAFolderThatIsNotAModel() throws IOException {
        Path notModel = Files.createDirectories(tmp.resolve("empty"));
        assertThatThrownBy(() -> manager.importDir(notModel, null))
                .isInstanceOf(ModelNotFoundException.class).hasMessageContaining("has no am/final.mdl");
        assertThat(Files.exists(dirs.models().resolve("vosk").resolve("empty"))).isFalse();
    }

    @Test
    void removeRefusesModelsAttendDidNotInstall() throws IOException {
        Path shared = tmp.resolve("shared");
        FakeVoskModel.write(shared.resolve("vosk-model-small-de-0.15"));
        VoskModelManager m = new VoskModelManager(dirs,
                new ModelEnvironment(Map.of(), tmp.resolve("home"), "Linux", Locale.US, List.of(shared)),
                ModelDownloader.defaultClient(), server.catalogUri(), ExtractionLimits.DEFAULT);

        assertThatThrownBy(() -> m.remove("vosk-model-small-de-0.15"))
                .isInstanceOf(ModelNotFoundException.class).hasMessageContaining("removes only models it installed");
        assertThat(VoskModelLayout.isModel(shared.resolve("vosk-model-small-de-0.15"))).isTrue();
    }

    @Test
    void refreshFromAnUnreachableServerKeepsTheBuiltInList() {
        VoskModelManager m = new VoskModelManager(dirs,
                new ModelEnvironment(Map.of(), tmp.resolve("home"), "Linux", Locale.US, List.of()),
                ModelDownloader.defaultClient(), java.net.URI.create(server.url("missing-list")),
                ExtractionLimits.DEFAULT);
        assertThatThrownBy(m::refreshCatalog).isInstanceOf(IOException.class).hasMessageContaining("HTTP 404");
        assertThat(m.catalog().source()).isEqualTo("built-in list");
    }

    private List<Path> hiddenLeftovers() throws IOException {
        Path root = dirs.models().resolve("vosk");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".")).toList();
        }
    }

    private static InstallListener recording(List<DownloadProgress> into) {
        return new InstallListener() {
            @Override
            public void onProgress(DownloadProgress progress) {
                into.add(progress);
            }
        };
    }
}
