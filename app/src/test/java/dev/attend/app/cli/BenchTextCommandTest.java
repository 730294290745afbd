package dev.attend.app.cli;

import static dev.attend.app.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.app.cli.CliRunner.Result;
import org.junit.jupiter.api.Test;

/** {@code attend bench text}: runs end to end and reports every step; bad options are bad input. */
class BenchTextCommandTest {

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
