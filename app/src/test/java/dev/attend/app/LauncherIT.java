package dev.attend.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.attend.testing.TestWavs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real launcher script that {@code package} builds (run by failsafe in {@code verify}). */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("target", "attend", "bin", "attend").toAbsolutePath();

    @TempDir
    static Path dir;

    static Path wav;

    record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void setUp() throws IOException {
        assumeTrue(Files.isExecutable(LAUNCHER), "launcher not built: " + LAUNCHER);
        // 1.5 s of a 440 Hz tone, 48 kHz mono 16-bit
        wav = TestWavs.tone(dir.resolve("tone.wav"), 48_000, 72_000, 440, 10_000);
    }

    private static Run launch(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(LAUNCHER.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("DISPLAY"); // headless: no arguments means help, never a window
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().put("XDG_DATA_HOME", dir.resolve("xdg-data").toString());
        pb.environment().put("XDG_CONFIG_HOME", dir.resolve("xdg-config").toString());
        Process p = pb.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("launcher finished").isTrue();
        return new Run(p.exitValue(), out.get(), err.get());
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void versionAndHelp() throws Exception {
        Run v = launch("--version");
        assertThat(v.code()).isZero();
        assertThat(v.out()).startsWith("attend 0.");
        Run h = launch("--help");
        assertThat(h.code()).isZero();
        assertThat(h.out()).contains("Usage: attend", "run", "devices");
    }

    @Test
    void noArgumentsWithoutADisplayShowsHelp() throws Exception {
        Run r = launch();
        assertThat(r.code()).isZero();
        assertThat(r.err()).startsWith("attend: no display found").contains("Usage: attend");
    }

    @Test
    void runWritesEventsAndLogsToTheDataDir() throws Exception {
        Path data = dir.resolve("data");
        Path events = dir.resolve("events.jsonl");
        Run r = launch("--data-dir", data.toString(), "run", "--audio", wav.toString(), "--fast",
                "--events", events.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).as("nothing below WARN on stderr").isEmpty();
        List<String> lines = Files.readAllLines(events);
        assertThat(lines.get(0)).startsWith("{\"type\":\"session.start\",\"t\":0.0,");
        assertThat(lines.get(lines.size() - 1)).startsWith("{\"type\":\"session.end\",\"t\":1.5,\"reason\":\"eof\"");
        String log = Files.readString(data.resolve("logs").resolve("attend.log"));
        assertThat(log).contains(" INFO ", "session started", "session ended");
    }

    @Test
    void theDefaultDataDirFollowsXdg() throws Exception {
        Run r = launch("run", "--audio", wav.toString(), "--fast", "--events", dir.resolve("e2.jsonl").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(dir.resolve("xdg-data/attend/logs/attend.log")).isRegularFile();
    }

    @Test
    void badInputExitsWithTwoAndOneLine() throws Exception {
        Path missing = dir.resolve("missing.wav");
        Run r = launch("run", "--audio", missing.toString(), "--fast");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("attend: audio file not found: " + missing + "\n");
        assertThat(r.out()).isEmpty();
    }
}
