package dev.attend.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code attend bench text}: runs end to end and reports every step; bad options are bad input. */
class BenchTextCommandTest {

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
    void reportsTokenizationAndBothInferenceVariants() {
        Result r = run("bench", "text", "--rounds", "3", "--warmup", "1");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("12 words, 15 tokens", "tokenize", "inference + attention outputs",
                "sentence embedding", "p50 ms", "p95 ms", "load:");
    }

    @Test
    void zeroRoundsIsBadInput() {
        Result r = run("bench", "text", "--rounds", "0");
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--rounds must be at least 1");
    }
}
