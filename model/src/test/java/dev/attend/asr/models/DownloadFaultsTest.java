package dev.attend.asr.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attend.config.AppDirs;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Servers that stall, never answer or never stop, and plain HTTP (issue 18, defects 5 and 9). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DownloadFaultsTest {

    @TempDir
    Path tmp;

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private ServerSocket server;

    @AfterEach
    void stop() throws IOException {
        pool.shutdownNow();
        for (Socket s : held) {
            s.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** Accepts connections on loopback and hands each to {@code onAccept} (which may keep it and say nothing). */
    private URI serve(String path, SocketHandler onAccept) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.submit(() -> {
            while (!server.isClosed()) {
                Socket s = server.accept();
                held.add(s);
                pool.submit(() -> {
                    onAccept.handle(s);
                    return null;
                });
            }
            return null;
        });
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
    }

    interface SocketHandler {
        void handle(Socket s) throws Exception;
    }

    private VoskModelManager manager(URI list) {
        AppDirs dirs = new AppDirs(tmp.resolve("config"), tmp.resolve("data"), tmp.resolve("cache"));
        return new VoskModelManager(dirs, new ModelEnvironment(java.util.Map.of(), tmp.resolve("home"), "Linux", java.util.Locale.US, List.of()), ModelDownloader.defaultClient(), list,
                ExtractionLimits.DEFAULT);
    }

    @Test
    void aServerThatNeverAnswersTimesOutWaitingForItsHeaders() throws Exception {
        URI url = serve("/m.zip", s -> { }); // accepts, then silence
        ModelDownloader d = new ModelDownloader(ModelDownloader.defaultClient(), Duration.ofSeconds(60),
                Duration.ofSeconds(1));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> d.download(url, tmp.resolve("m.zip.part"), new InstallListener() { },
                new Cancellation())).isInstanceOf(IOException.class).hasMessageContaining("no answer within 1 s");
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(20);
    }

    @Test
    void cancellingWhileWaitingForHeadersEndsAtOnce() throws Exception {
        URI url = serve("/m.zip", s -> { });
        ModelDownloader d = new ModelDownloader(ModelDownloader.defaultClient(), Duration.ofSeconds(60),
                Duration.ofSeconds(120));
        Cancellation cancel = new Cancellation();
        pool.submit(() -> {
            Thread.sleep(300);
            cancel.cancel(); // what the Ctrl+C / SIGTERM hook does
            return null;
        });
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> d.download(url, tmp.resolve("m.zip.part"), new InstallListener() { }, cancel))
                .isInstanceOf(DownloadCancelledException.class);
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(20);
    }

    @Test
    void anEndlessModelListIsCutAtTheSizeLimit() throws Exception {
        URI list = serve("/list.json", s -> {
            OutputStream out = s.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n[".getBytes(StandardCharsets.US_ASCII));
            byte[] filler = ("{\"name\":\"x\",\"lang\":\"en\"},".repeat(1000)).getBytes(StandardCharsets.US_ASCII);
            while (true) {
                out.write(filler);
            }
        });
        assertThatThrownBy(() -> manager(list).refreshCatalog()).isInstanceOf(IOException.class)
                .hasMessageContaining("larger than 4 MiB");
    }

    @Test
    void aListServerThatNeverAnswersTimesOut() throws Exception {
        URI list = serve("/list.json", s -> { });
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> manager(list).headerTimeout(Duration.ofSeconds(1)).refreshCatalog())
                .isInstanceOf(IOException.class).hasMessageContaining("cannot reach " + list);
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(20);
    }

    @Test
    void plainHttpIsRefusedUnlessAllowedOrOnThisMachine() throws Exception {
        URI remote = URI.create("http://models.example.invalid/list.json");
        assertThatThrownBy(() -> manager(remote).refreshCatalog()).isInstanceOf(IOException.class)
                .hasMessage("refusing plain HTTP for " + remote + ": use an https:// address, or pass --allow-http "
                        + "if you trust the network between you and that server");
        ModelDownloader.requireHttps(URI.create("https://models.example.invalid/m.zip"), false);
        ModelDownloader.requireHttps(URI.create("http://127.0.0.1:8080/m.zip"), false);
        ModelDownloader.requireHttps(remote, true);
        assertThatThrownBy(() -> ModelDownloader.requireHttps(URI.create("ftp://x.invalid/m.zip"), true))
                .hasMessage("unsupported address ftp://x.invalid/m.zip (https:// expected)");
    }
}
