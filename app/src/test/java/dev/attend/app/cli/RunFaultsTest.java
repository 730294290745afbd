package dev.attend.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.attend.testing.TestWavs;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code attend run} when its output cannot be written or its options are out of range (issue 18). */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RunFaultsTest {

    @TempDir
    static Path dir;

    static Path longWav;

    @BeforeAll
    static void wav() throws IOException {
        // 120 s of a 440 Hz tone at 16 kHz: about 1200 level events, far more than the small sinks below take
        longWav = TestWavs.tone(dir.resolve("long.wav"), 16_000, 16_000 * 120, 440, 8000);
    }

    private static final String[] QUIET = {"--fast", "--model", "none", "--wake", "none", "--no-vad"};

    private static String[] runArgs(String... extra) {
        List<String> a = new java.util.ArrayList<>(List.of("--data-dir", dir.resolve("data").toString(), "run",
                "--audio", longWav.toString()));
        a.addAll(List.of(QUIET));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    /** Like a pipe whose reader went away after {@code limit} bytes: every later write fails with EPIPE. */
    static final class ClosingPipe extends OutputStream {
        final long limit;
        final AtomicLong attempts = new AtomicLong();
        long written;

        ClosingPipe(long limit) {
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            attempts.incrementAndGet();
            if (written + len > limit) {
                throw new IOException("Broken pipe");
            }
            written += len;
        }
    }

    @Test
    void aClosedStandardOutputStopsTheRunWithExitOneAndOneLine() {
        CommandLine cl = AttendCommand.commandLine();
        ClosingPipe pipe = new ClosingPipe(300);
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new OutputStreamWriter(pipe, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(runArgs("--events", "-"));
        assertThat(code).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).isEqualTo("attend: events not written: standard output is closed\n");
        // it stopped at the broken pipe: nowhere near one write per event of the 120 s file
        assertThat(pipe.attempts.get()).isLessThan(200);
    }

    @Test
    void eventsOnAFullDiskStopTheRunWithExitOneAndOneLine() throws Exception {
        Path mount = Files.createDirectories(dir.resolve("tmpfs"));
        Process m = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        assumeTrue(m.waitFor(10, TimeUnit.SECONDS) && m.exitValue() == 0, "cannot mount a tmpfs here");
        try {
            Path events = mount.resolve("events.jsonl");
            CliRunner.Result r = CliRunner.run(runArgs("--events", events.toString()));
            assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FAILURE);
            assertThat(r.errLines()).hasSize(1);
            assertThat(r.err()).startsWith("attend: cannot write events to " + events + ": No space left on device");
            assertThat(r.out()).isEmpty();
        } finally {
            new ProcessBuilder("umount", "-l", mount.toString()).start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void maxSecondsMustBePositive() {
        for (String bad : List.of("0", "-5", "NaN", "Infinity")) {
            CliRunner.Result r = CliRunner.run(runArgs("--max-seconds", bad));
            assertThat(r.code()).as(bad).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).isEqualTo("attend: --max-seconds must be a positive number of seconds, not " + bad
                    + "\n");
        }
    }

    @Test
    void maxSecondsStopsAFastFileExactlyThere() {
        CliRunner.Result r = CliRunner.run(runArgs("--max-seconds", "2"));
        assertThat(r.code()).as(r.err()).isZero();
        String end = r.outLines().get(r.outLines().size() - 1);
        assertThat(end).startsWith("{\"type\":\"session.end\",\"t\":2.0,\"reason\":\"stopped\",\"audioSeconds\":2.0,");
    }

    /** Issue 18, defect 7: a damaged model given to --model is bad input (one line, exit 2), not a warning event. */
    @Test
    void aDamagedModelIsRefusedBeforeTheSession() throws IOException {
        Path model = dev.attend.testkit.ToneModelWriter.writeDefault(dir.resolve("cut-model"));
        byte[] am = Files.readAllBytes(model.resolve("am/final.mdl"));
        Files.write(model.resolve("am/final.mdl"), java.util.Arrays.copyOf(am, am.length / 2));
        CliRunner.Result r = CliRunner.run("--data-dir", dir.resolve("data").toString(), "run", "--audio",
                longWav.toString(), "--fast", "--model", model.toString(), "--wake", "none", "--no-vad");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).startsWith("attend: libvosk cannot load the model in " + model.toAbsolutePath())
                .doesNotContain("VoskAPI");
        assertThat(r.out()).isEmpty();
    }
}
