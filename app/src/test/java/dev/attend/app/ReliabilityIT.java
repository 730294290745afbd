package dev.attend.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.attend.testing.TestWavs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher under faults (issue 18): a closed pipe, SIGTERM, a full disk, read-only folders, native noise on
 * stderr. Each test names the fault and checks the exit code and the one line the user sees.
 */
class ReliabilityIT {

    private static final Path LAUNCHER = Path.of("target", "attend", "bin", "attend").toAbsolutePath();
    private static final String[] QUIET = {"--model", "none", "--wake", "none", "--no-vad"};

    @TempDir
    static Path dir;

    static Path longWav;
    static Path demo;

    record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void setUp() throws IOException {
        assumeTrue(Files.isExecutable(LAUNCHER), "launcher not built: " + LAUNCHER);
        longWav = TestWavs.tone(dir.resolve("long.wav"), 16_000, 16_000 * 600, 440, 8000); // 10 min
        demo = dir.resolve("demo.mp4");
        try (InputStream in = ReliabilityIT.class.getResourceAsStream("/dev/attend/resources/demo/demo.mp4")) {
            Files.copy(in, demo);
        }
    }

    static ProcessBuilder builder(Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>(List.of(LAUNCHER.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().put("XDG_DATA_HOME", dir.resolve("xdg-data").toString());
        pb.environment().put("XDG_CONFIG_HOME", dir.resolve("xdg-config").toString());
        pb.environment().put("XDG_CACHE_HOME", dir.resolve("xdg-cache").toString());
        pb.environment().putAll(env);
        return pb;
    }

    static Run launch(Map<String, String> env, String... args) throws Exception {
        return launchFor(120, env, args);
    }

    static Run launchFor(long seconds, Map<String, String> env, String... args) throws Exception {
        if (dir == null) {
            dir = Files.createTempDirectory("attend-it-");
        }
        Process p = builder(env, args).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        assertThat(p.waitFor(seconds, TimeUnit.SECONDS)).as("launcher finished").isTrue();
        return new Run(p.exitValue(), out.get(), err.get());
    }

    static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aVideoRunPutsNoOnnxRuntimeWarningsOnStderr() throws Exception {
        Run r = launch(Map.of(), "run", "--video", demo.toString(), "--fast", "--max-seconds", "1",
                "--events", dir.resolve("video.jsonl").toString(), "--model", "none");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("onnxruntime").doesNotContain("\u001b[");
    }

    @Test
    void aClosedPipeStopsTheRunWithExitOne() throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "--audio", longWav.toString(), "--fast", "--events", "-"));
        args.addAll(List.of(QUIET));
        Process p = builder(Map.of(), args.toArray(String[]::new)).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(r.readLine()).startsWith("{\"type\":\"session.start\""); // like `| head -1`
        }
        long t0 = System.nanoTime();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("stopped at the broken pipe").isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(err.get()).isEqualTo("attend: events not written: standard output is closed\n");
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(60);
    }

    @Test
    void sigtermEndsARealTimeRunCleanlyWithSessionEnd() throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "--audio", longWav.toString(), "--events", "-"));
        args.addAll(List.of(QUIET));
        Process p = builder(Map.of(), args.toArray(String[]::new)).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (int i = 0; i < 3; i++) {
                lines.add(r.readLine());
            }
            sigterm(p);
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                lines.add(l);
            }
        }
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("SIGTERM ends it").isTrue();
        assertThat(p.exitValue()).as("128 + SIGTERM").isEqualTo(143);
        assertThat(lines.get(lines.size() - 1)).contains("\"type\":\"session.end\"", "\"reason\":\"stopped\"");
        assertThat(err.get()).isEmpty();
    }

    @Test
    void eventsOnAFullDiskEndTheRunWithOneLineAndSigtermStillWorks() throws Exception {
        Path mount = Files.createDirectories(dir.resolve("full"));
        Process m = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        assumeTrue(m.waitFor(10, TimeUnit.SECONDS) && m.exitValue() == 0, "cannot mount a tmpfs here");
        try {
            Path events = mount.resolve("events.jsonl");
            List<String> args = new ArrayList<>(List.of("run", "--audio", longWav.toString(), "--fast", "--events",
                    events.toString()));
            args.addAll(List.of(QUIET));
            Run r = launch(Map.of(), args.toArray(String[]::new));
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).startsWith("attend: cannot write events to " + events + ": No space left on device")
                    .hasLineCount(1);
            // real time: the disk fills while the session runs; SIGTERM after that still ends it at once
            Files.delete(events);
            Files.write(mount.resolve("filler"), new byte[60 * 1024]);
            args.remove("--fast");
            Process p = builder(Map.of(), args.toArray(String[]::new)).start();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            Thread.sleep(8000);
            sigterm(p);
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("SIGTERM ends it").isTrue();
            assertThat(err.get().lines().count()).as(err.get()).isLessThanOrEqualTo(1);
        } finally {
            new ProcessBuilder("umount", "-l", mount.toString()).start().waitFor(10, TimeUnit.SECONDS);
        }
    }


    /** Mounts a small tmpfs at {@code dir}, runs {@code prepare} in it, then makes it read-only; false if not root. */
    static boolean readOnlyMount(Path dir, String... mkdirs) throws Exception {
        Files.createDirectories(dir);
        if (!exec("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", dir.toString())) {
            return false;
        }
        for (String d : mkdirs) {
            Files.createDirectories(dir.resolve(d));
        }
        return exec("mount", "-o", "remount,ro", dir.toString());
    }

    /** SIGTERM without closing our ends of its pipes (Process.destroy closes them). */
    static void sigterm(Process p) throws Exception {
        assertThat(exec("kill", "-TERM", Long.toString(p.pid()))).isTrue();
    }

    static boolean exec(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    @Test
    void aReadOnlyDataDirKeepsStdoutCleanAndSaysSoInOneLine() throws Exception {
        Path ro = dir.resolve("ro-data");
        assumeTrue(readOnlyMount(ro, "data/logs"), "cannot mount a read-only tmpfs here");
        try {
            Path wav = TestWavs.tone(dir.resolve("short.wav"), 16_000, 16_000, 440, 8000);
            List<String> args = new ArrayList<>(List.of("--data-dir", ro.resolve("data").toString(), "run", "--audio",
                    wav.toString(), "--fast", "--events", "-"));
            args.addAll(List.of(QUIET));
            Run r = launch(Map.of(), args.toArray(String[]::new));
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out().lines()).isNotEmpty().allMatch(l -> l.startsWith("{\"type\":"));
            assertThat(r.err()).startsWith("attend: WARN cannot write the log file " + ro.resolve("data/logs")
                    .resolve("attend.log")).hasLineCount(1);
        } finally {
            exec("umount", "-l", ro.toString());
        }
    }

    @Test
    void nativeCachesStayInAttendsCacheFolder() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path tmp = Files.createDirectories(dir.resolve("system-tmp"));
        Path stale = Files.createDirectories(tmp.resolve("onnxruntime-java123456"));
        Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.from(java.time.Instant.now()
                .minus(java.time.Duration.ofHours(1))));
        Run r = launch(Map.of("HOME", home.toString(), "ATTEND_OPTS", "-Djava.io.tmpdir=" + tmp), "run", "--video",
                demo.toString(), "--fast", "--max-seconds", "1", "--events", dir.resolve("caches.jsonl").toString(),
                "--model", "none");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(home.resolve(".javacpp")).doesNotExist();
        assertThat(home.resolve(".djl.ai")).doesNotExist();
        assertThat(dir.resolve("xdg-cache/attend/javacpp")).isDirectory();
        assertThat(stale).as("an earlier run's empty ONNX Runtime folder is swept").doesNotExist();
        try (var s = Files.list(tmp)) {
            assertThat(s.filter(p -> p.getFileName().toString().startsWith("onnxruntime-java"))).hasSizeLessThan(2);
        }
    }
    /**
     * Issue 18, defect 6 (regressed once the native caches moved under Attend's cache folder): an unwritable cache
     * must turn no bundled model off. The cache path here is a regular file, so it cannot be created even by root.
     */
    @Test
    void anUnwritableCacheKeepsVadAndWakeOnAndLeavesNoTempFolder() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("cache-is-a-file"), "x");
        Path tmp = Files.createDirectories(dir.resolve("tmp-unwritable-cache"));
        Path wav = TestWavs.tone(dir.resolve("short-cache.wav"), 16_000, 16_000, 440, 8000);
        Run r = launch(Map.of("XDG_CACHE_HOME", notAFolder.toString(), "ATTEND_OPTS", "-Djava.io.tmpdir=" + tmp),
                "run", "--audio", wav.toString(), "--fast", "--events", "-", "--model", "none");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("source.error").contains("\"type\":\"session.end\"");
        assertThat(r.err().lines()).singleElement().asString().startsWith("attend: WARN cache folder ")
                .contains("bundled models are unpacked into");
        try (var s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).as("the fallback folder is removed at exit")
                    .noneMatch(n -> n.startsWith("attend-cache-"));
        }
    }
}
