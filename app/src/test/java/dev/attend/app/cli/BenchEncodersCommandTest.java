package dev.attend.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command's shape and input checks; its figures go to docs/performance.md, never into assertions. */
class BenchEncodersCommandTest {

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        CommandLine cl = AttendCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void printsARowPerAudioModelAndTheStacksRealTimeFactor() {
        Result r = run("bench", "encoders", "--seconds", "3", "--calls", "5", "--warmup", "1", "--rounds", "1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Audio encoders", "p50 ms", "p95 ms", "vad silero (512 samples)",
                "mel (1760 samples -> 8x32)", "embedding (76x32 -> 96)", "wake hey_jarvis (16x96 -> 1)",
                "on 3.0 s of audio", "real-time factor");
    }

    @Test
    void badInputGetsExitCodeTwo() {
        Result only = run("bench", "encoders", "--only", "smell");
        assertThat(only.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(only.err()).contains("no section 'smell'").contains("audio");
        Result missing = run("bench", "encoders", "--audio", "does-not-exist.wav");
        assertThat(missing.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).contains("cannot read does-not-exist.wav");
    }
}
