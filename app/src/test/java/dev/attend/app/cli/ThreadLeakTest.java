package dev.attend.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.testing.TestWavs;
import dev.attend.translate.ApertiumInstall;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every thread a CLI session starts is an {@code attend-*} thread and is gone when the command returns: sources,
 * media stages, event stages (MiniLM, translation with its Apertium reader and watchdog), stats and the finisher.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS) // hang guard only
class ThreadLeakTest {

    private static List<String> attendThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("attend-")).sorted().toList();
    }

    @Test
    void aSessionWithEveryFeatureLeavesNoThreadBehind(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(ApertiumInstall.detect().pairs().contains("eng-spa"), "Apertium eng-spa installed");
        Path wav = TestWavs.tone(dir.resolve("tone.wav"), 16000, 16000, 440, 0.3);
        List<String> before = attendThreads();
        CliRunner.Result r = CliRunner.run("run", "--audio", wav.toString(), "--fast", "--translate", "eng-spa",
                "--model", "none", "--events", dir.resolve("events.jsonl").toString());
        assertThat(r.code()).as(r.err()).isZero();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!attendThreads().equals(before) && System.nanoTime() < deadline) {
            Thread.sleep(20); // a thread that was joined may still be unwinding
        }
        assertThat(attendThreads()).isEqualTo(before);
    }
}
