package dev.attend.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.attend.asr.models.ExtractionLimits;
import dev.attend.asr.models.FoundModel;
import dev.attend.asr.models.ModelEnvironment;
import dev.attend.asr.models.VoskModelCatalog;
import dev.attend.asr.models.VoskModelManager;
import dev.attend.testkit.ToneModelWriter;
import dev.attend.concurrent.ThreadPoolTaskExecutor;
import dev.attend.config.AppDirs;
import dev.attend.ui.models.ModelInfo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The GUI's model service over the real manager: a zipped tone model served from 127.0.0.1. */
@Timeout(60)
class VoskModelServiceTest {

    private static final String NAME = "vosk-model-small-en-us-0.15";
    private static final String STALLED = "vosk-model-small-de-0.15";

    @TempDir
    Path tmp;

    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);
    private AppDirs dirs;
    private ModelEnvironment env;
    private VoskModelService service;
    private final ThreadPoolTaskExecutor tasks = new ThreadPoolTaskExecutor("task", 2); // polls the cancel flag
    private byte[] zip;

    @BeforeEach
    void setUp() throws Exception {
        zip = zip(ToneModelWriter.writeDefault(tmp.resolve("src").resolve(NAME)), NAME);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/" + NAME + ".zip", ex -> {
            ex.sendResponseHeaders(200, zip.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(zip);
            }
        });
        server.createContext("/" + STALLED + ".zip", ex -> { // half the file, then nothing until the test ends
            ex.sendResponseHeaders(200, zip.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(zip, 0, zip.length / 2);
                os.flush();
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException ignored) {
                // the client hung up: that is the cancel
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(zip));
        String list = "[" + entry(NAME, "en-us", "US English", md5, base) + ","
                + entry(STALLED, "de", "German", md5, base) + "]";
        dirs = new AppDirs(tmp.resolve("config"), tmp.resolve("data"), tmp.resolve("cache"));
        VoskModelCatalog.parse(new ByteArrayInputStream(list.getBytes(StandardCharsets.UTF_8)), "test list")
                .write(VoskModelCatalog.cacheFile(dirs));
        env = new ModelEnvironment(Map.of(), tmp.resolve("home"), "Linux", Locale.US, List.of());
        service = new VoskModelService(new VoskModelManager(dirs, env, null, URI.create(base + "/list.json"),
                ExtractionLimits.DEFAULT), Locale.US, tasks);
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        server.stop(0);
        tasks.shutdown();
    }

    private String entry(String name, String lang, String langText, String md5, String base) {
        return "{\"lang\":\"" + lang + "\",\"lang_text\":\"" + langText + "\",\"md5\":\"" + md5 + "\",\"name\":\""
                + name + "\",\"obsolete\":\"false\",\"size\":" + zip.length + ",\"size_text\":\"1K\","
                + "\"type\":\"small\",\"url\":\"" + base + "/" + name + ".zip\",\"version\":\"0.15\"}";
    }

    @Test
    void installAppearsAsInstalledThenUseMakesItTheLocatorsDefault() throws Exception {
        assertThat(service.installed()).isEmpty();
        assertThat(service.hasModel()).isFalse();
        assertThat(service.available()).extracting(ModelInfo::name).containsExactly(NAME, STALLED); // system language first
        // the only current small model of its language: the recommended one
        assertThat(service.available().get(0)).isEqualTo(new ModelInfo(NAME, "en-us (US English)", zip.length,
                false, false, true));
        assertThat(service.builtInList()).as("a refreshed list is cached").isFalse();
        assertThat(service.folder()).isEqualTo(dirs.models().resolve("vosk"));

        AtomicLong last = new AtomicLong();
        AtomicLong total = new AtomicLong();
        ModelInfo got = service.download(service.available().get(0), (done, all) -> {
            last.set(done);
            total.set(all);
        }, () -> false);

        assertThat(last.get()).isEqualTo(zip.length);
        assertThat(total.get()).isEqualTo(zip.length);
        assertThat(got.name()).isEqualTo(NAME);
        assertThat(got.installed()).isTrue();
        assertThat(service.installed()).extracting(ModelInfo::name).containsExactly(NAME);
        assertThat(service.available()).extracting(ModelInfo::name).containsExactly(STALLED);
        assertThat(Files.isRegularFile(dirs.models().resolve("vosk").resolve(NAME).resolve("am/final.mdl"))).isTrue();

        service.use(service.installed().get(0));
        assertThat(service.installed().get(0).inUse()).isTrue();
        assertThat(service.hasModel()).isTrue();
        assertThat(new VoskModelManager(dirs, env, null, URI.create("http://127.0.0.1:1/"), ExtractionLimits.DEFAULT)
                .locator().defaultModel()).map(FoundModel::name).contains(NAME);

        service.remove(service.installed().get(0));
        assertThat(service.installed()).isEmpty();
        assertThat(dirs.models().resolve("vosk").resolve(NAME)).doesNotExist();
    }

    @Test
    void cancelStopsAStalledDownloadAndLeavesNothingBehind() {
        AtomicLong seen = new AtomicLong();
        ModelInfo stalled = service.available().stream().filter(m -> m.name().equals(STALLED)).findFirst()
                .orElseThrow();

        assertThatThrownBy(() -> service.download(stalled, (done, all) -> seen.set(done), () -> seen.get() > 0))
                .isInstanceOf(CancellationException.class).hasMessageContaining(STALLED);

        assertThat(seen.get()).isPositive();
        assertThat(dirs.cache().resolve("downloads").resolve(STALLED + ".zip.part")).doesNotExist();
        assertThat(service.installed()).isEmpty();
    }

    @Test
    void importFolderInstallsACopyAndRejectsAFolderThatIsNoModel() throws Exception {
        ModelInfo m = service.importFolder(tmp.resolve("src").resolve(NAME));
        assertThat(m.name()).isEqualTo(NAME);
        assertThat(m.installed()).isTrue();
        assertThat(m.sizeBytes()).isPositive();
        assertThat(service.installed()).extracting(ModelInfo::name).containsExactly(NAME);

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThatThrownBy(() -> service.importFolder(empty)).hasMessageContaining("cannot import");
    }

    private static byte[] zip(Path dir, String top) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bos); var walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                z.putNextEntry(new ZipEntry(top + "/" + dir.relativize(p).toString().replace('\\', '/')));
                z.write(Files.readAllBytes(p));
                z.closeEntry();
            }
        }
        return bos.toByteArray();
    }
}
