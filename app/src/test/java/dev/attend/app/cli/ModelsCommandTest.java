package dev.attend.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code attend models …} end to end, with a model server on 127.0.0.1 and temporary config/data folders. */
@Timeout(60)
class ModelsCommandTest {

    private static final String NAME = "vosk-model-small-en-us-0.15";

    @TempDir
    Path tmp;

    private Locale savedLocale;
    private HttpServer server;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() {
        savedLocale = Locale.getDefault();
        Locale.setDefault(Locale.US);
    }

    @AfterEach
    void tearDown() {
        Locale.setDefault(savedLocale);
        if (server != null) {
            server.stop(0);
        }
    }

    private int attend(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cl = AttendCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 4];
        all[0] = "--config-dir";
        all[1] = tmp.resolve("config").toString();
        all[2] = "--data-dir";
        all[3] = tmp.resolve("data").toString();
        System.arraycopy(args, 0, all, 4, args.length);
        return cl.execute(all);
    }

    @Test
    void listShowsTheBuiltInModelsForTheSystemLanguage() {
        assertThat(attend("models", "list")).isEqualTo(0);
        assertThat(out.toString()).contains("NAME").contains(NAME).contains("en-us (US English)")
                .contains("available").doesNotContain("vosk-model-small-cn-0.22")
                .contains("'attend models install " + NAME + "'").contains("built-in list");
        assertThat(attend("models", "list", "--all")).isEqualTo(0);
        assertThat(out.toString()).contains("vosk-model-small-cn-0.22").contains("available (obsolete)");
    }

    @Test
    void importUseListRemove() throws IOException {
        Path model = fakeModel(tmp.resolve("src").resolve("my-model"));
        Path other = fakeModel(tmp.resolve("src").resolve("vosk-model-small-de-0.15"));

        assertThat(attend("models", "import", model.toString())).isEqualTo(0);
        assertThat(attend("models", "import", other.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("imported vosk-model-small-de-0.15");
        assertThat(attend("models", "use", "vosk-model-small-de-0.15")).isEqualTo(0);
        assertThat(attend("models", "list")).isEqualTo(0);
        assertThat(line(out.toString(), "vosk-model-small-de-0.15")).startsWith("*").contains("installed, default")
                .contains("de (German)").contains("45M");
        assertThat(line(out.toString(), "my-model")).startsWith(" ").contains("installed");

        Path outside = fakeModel(tmp.resolve("elsewhere").resolve("vosk-model-small-fr-0.22"));
        assertThat(attend("models", "use", outside.toString())).isEqualTo(0);
        assertThat(attend("models", "list")).isEqualTo(0);
        assertThat(line(out.toString(), "vosk-model-small-fr-0.22")).startsWith("*")
                .contains("found (folder): " + outside.toAbsolutePath()).contains("fr (French)");
        assertThat(attend("models", "use", "vosk-model-small-de-0.15")).isEqualTo(0);

        assertThat(attend("models", "remove", "vosk-model-small-de-0.15")).isEqualTo(0);
        assertThat(Files.exists(tmp.resolve("data/models/vosk/vosk-model-small-de-0.15"))).isFalse();
        assertThat(attend("models", "list")).isEqualTo(0);
        assertThat(line(out.toString(), "my-model")).startsWith("*");
    }

    @Test
    void badInputGetsOneLineAndExitCode2() throws IOException {
        assertThat(attend("models", "use", "vosk-model-small-fr-0.22")).isEqualTo(2);
        assertThat(err.toString().trim()).isEqualTo("attend: model 'vosk-model-small-fr-0.22' is not installed; run "
                + "'attend models install vosk-model-small-fr-0.22'");
        assertThat(attend("models", "install", "no-such-model")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown Vosk model 'no-such-model'");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThat(attend("models", "import", empty.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot import").contains("has no am/final.mdl");
        assertThat(attend("models", "remove", "my-model")).isEqualTo(2);
    }

    /** Issue 18, defect 7: a model whose files are there but damaged is refused on import, nothing copied. */
    @Test
    void damagedModelsAreRefusedOnImport() throws IOException {
        Path empty = fakeModel(tmp.resolve("src").resolve("empty-am"));
        Files.write(empty.resolve("am/final.mdl"), new byte[0]);
        assertThat(attend("models", "import", empty.toString())).isEqualTo(2);
        assertThat(err.toString().trim()).startsWith("attend: cannot import: damaged Vosk model")
                .endsWith("am/final.mdl is empty; download or unpack the model again").doesNotContain("\n");
        Path cut = fakeModel(tmp.resolve("src").resolve("cut-am"));
        byte[] am = Files.readAllBytes(cut.resolve("am/final.mdl"));
        Files.write(cut.resolve("am/final.mdl"), java.util.Arrays.copyOf(am, am.length / 2));
        assertThat(attend("models", "import", cut.toString())).isEqualTo(2);
        assertThat(err.toString().trim()).startsWith("attend: cannot import: libvosk cannot load the model in")
                .contains("cut-am: ").doesNotContain("\n").doesNotContain("VoskAPI");
        assertThat(tmp.resolve("data/models/vosk/cut-am")).doesNotExist();
        assertThat(tmp.resolve("data/models/vosk/empty-am")).doesNotExist();
    }

    @Test
    void refreshFromAServerThenInstallWithProgress() throws IOException {
        byte[] zip = zip(fakeModel(tmp.resolve("src").resolve(NAME)), NAME);
        startServer(zip);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();

        assertThat(attend("models", "refresh", "--from", base + "/model-list.json")).isEqualTo(0);
        assertThat(out.toString()).contains("model list updated").contains("1 models");

        assertThat(attend("models", "install", NAME)).isEqualTo(0);
        assertThat(out.toString()).contains("installed " + NAME);
        assertThat(err.toString()).contains("downloading").contains("100%").contains("verifying MD5");
        assertThat(Files.isRegularFile(tmp.resolve("data/models/vosk").resolve(NAME).resolve("am/final.mdl")))
                .isTrue();
        assertThat(attend("models", "list")).isEqualTo(0);
        assertThat(line(out.toString(), NAME)).startsWith("*").contains("installed, default");
        assertThat(out.toString()).contains("list refreshed");
    }

    private void startServer(byte[] zip) throws IOException {
        String md5;
        try {
            md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(zip));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        byte[] list = ("[{\"lang\":\"en-us\",\"lang_text\":\"US English\",\"md5\":\"" + md5 + "\",\"name\":\"" + NAME
                + "\",\"obsolete\":\"false\",\"size\":" + zip.length + ",\"size_text\":\"1K\",\"type\":\"small\","
                + "\"url\":\"" + base + "/" + NAME + ".zip\",\"version\":\"0.15\"}]").getBytes(StandardCharsets.UTF_8);
        server.createContext("/model-list.json", ex -> send(ex, list));
        server.createContext("/" + NAME + ".zip", ex -> send(ex, zip));
        server.start();
    }

    private static void send(com.sun.net.httpserver.HttpExchange ex, byte[] body) throws IOException {
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
        }
    }

    private static String line(String text, String containing) {
        return text.lines().filter(l -> l.contains(containing)).findFirst().orElse("(no line with " + containing + ")");
    }

    /** The generated tone model: import loads a model once, so it must be a real one. */
    private static Path fakeModel(Path dir) throws IOException {
        return dev.attend.testkit.ToneModelWriter.writeDefault(dir);
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
