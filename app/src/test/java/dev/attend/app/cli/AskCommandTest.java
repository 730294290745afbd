package dev.attend.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attend ask} with the real assistant; timers and notes seen by later commands (new store, same folder). */
class AskCommandTest {

    @TempDir
    Path dir;

    private CliRunner.Result attend(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--data-dir";
        all[1] = dir.resolve("data").toString();
        all[2] = "--config-dir";
        all[3] = dir.resolve("config").toString();
        System.arraycopy(args, 0, all, 4, args.length);
        return CliRunner.run(all);
    }

    @Test
    void aTimerSetByAskIsListedByTimersAndNonsenseIsNotCaught() {
        CliRunner.Result set = attend("ask", "--mute", "set a tea timer for five minutes");
        assertThat(set.code()).isZero();
        assertThat(set.out().trim()).isEqualTo("Timer tea set for 5 minutes.");
        CliRunner.Result timers = attend("timers");
        assertThat(timers.out()).contains("tea").contains("0:05:00");
        CliRunner.Result nonsense = attend("ask", "--mute", "blorf zanky wibble");
        assertThat(nonsense.out().trim()).isEqualTo("Sorry, I didn't catch that.");
        assertThat(attend("timers").outLines()).hasSize(2); // header + the tea timer: nothing new
        assertThat(attend("timers", "--cancel", "tea").out()).contains("cancelled timer");
        assertThat(attend("timers").out().trim()).isEqualTo("no timers running");
        assertThat(attend("ask", "--lang", "fr", "hello").code()).isEqualTo(ExitCodes.BAD_INPUT);
    }
}
