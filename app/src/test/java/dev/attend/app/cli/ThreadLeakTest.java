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
 * media stages, event stages (MiniLM, translation with its Apertium reader and watchdog), stats and the finisher;
 * with every feature on, also the assistant's (commands, speech, timers, history indexing), the speaker labels and
 * the fusion transformer on the token bus. And no other new thread is left but the JDK's own idle pools.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS) // hang guard only
class ThreadLeakTest {

    private static List<String> attendThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("attend-")).sorted().toList();
    }

    /** Threads of the JDK that outlive their work by design (idle pools, reference handling). */
    private static boolean jdkIdle(String name) {
        return name.equals("process reaper") || name.equals("Common-Cleaner") || name.startsWith("ForkJoinPool")
                || name.equals("Attach Listener") || name.startsWith("surefire") || name.equals("Signal Dispatcher");
    }

    private static java.util.Set<Thread> alive() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void aSessionWithTheAssistantFusionSpeakersAndHistoryLeavesNoThreadBehind(@TempDir Path dir) throws Exception {
        Path wav = TestWavs.tone(dir.resolve("tone.wav"), 16000, 2 * 16000, 440, 0.3);
        List<String> args = new java.util.ArrayList<>(List.of("--config-dir", dir.resolve("config").toString(),
                "--data-dir", dir.resolve("data").toString(), "run", "--audio", wav.toString(), "--fast",
                "--model", dev.attend.asr.TestModels.staticGraph().toString(), "--wake", "hey_jarvis",
                "--speakers", "--history", "--assistant", "--mute", "--fusion", "--attention", "all",
                "--events", dir.resolve("events.jsonl").toString()));
        if (ApertiumInstall.detect().pairs().contains("eng-spa")) {
            args.addAll(List.of("--translate", "eng-spa"));
        }
        List<String> before = attendThreads();
        java.util.Set<Thread> others = alive();
        CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(java.nio.file.Files.readString(dir.resolve("events.jsonl")))
                .contains("\"type\":\"fusion\"").contains("\"type\":\"assistant.state\"")
                .contains("\"type\":\"session.end\"");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!before.containsAll(attendThreads()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(attendThreads()).as("attend threads that were not there before the run").isSubsetOf(before);
        java.util.Set<Thread> left = alive();
        left.removeAll(others);
        assertThat(left.stream().map(Thread::getName).filter(n -> !jdkIdle(n)).sorted().toList())
                .as("threads started by the session and still running").isEmpty();
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
        while (!before.containsAll(attendThreads()) && System.nanoTime() < deadline) {
            Thread.sleep(20); // a thread that was joined may still be unwinding
        }
        assertThat(attendThreads()).as("attend threads that were not there before the run").isSubsetOf(before);
    }
}
