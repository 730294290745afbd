package dev.attend.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.app.assistant.GuiAssistant;
import dev.attend.app.gui.MiniLmTextAttention;
import dev.attend.app.session.GuiSessionLauncher;
import dev.attend.concurrent.TaskExecutor;
import dev.attend.concurrent.ThreadPoolTaskExecutor;
import dev.attend.config.AppDirs;
import dev.attend.event.AttendEvent;
import dev.attend.event.EventCodec;
import dev.attend.event.EventSink;
import dev.attend.testing.TestWavs;
import dev.attend.ui.session.EventsReplay;
import dev.attend.ui.session.RunningSession;
import dev.attend.ui.session.SessionRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GUI's thread owners, made as {@code GuiLauncher} makes them (the app's task executor, the lab's MiniLM, the
 * assistant), then used as the window uses them (a background task, a typed command, a file session with the
 * assistant, fusion and history, an events replay) and closed in the same order: every {@code attend-*} thread
 * they started is gone.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS) // hang guard only
class GuiThreadLeakTest {

    private static List<String> attendThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("attend-")).sorted().toList();
    }

    @Test
    void theWindowsServicesLeaveNoThreadBehind(@TempDir Path dir) throws Exception {
        Path wav = TestWavs.tone(dir.resolve("tone.wav"), 16000, 2 * 16000, 440, 0.3);
        AppDirs dirs = new AppDirs(dir.resolve("config"), dir.resolve("data"), dir.resolve("cache"));
        List<String> before = attendThreads();
        List<String> during;
        List<AttendEvent> events = new CopyOnWriteArrayList<>();
        EventSink sink = events::add;
        TaskExecutor tasks = new ThreadPoolTaskExecutor("task", 4);
        try (MiniLmTextAttention text = MiniLmTextAttention.bundled();
             GuiAssistant assistant = GuiAssistant.standard(dirs)) {
            assertThat(tasks.submit(() -> 6 * 7).get(30, TimeUnit.SECONDS)).isEqualTo(42);
            assertThat(assistant.service(Duration.ofSeconds(120))).isNotNull();
            assistant.events(sink);
            assistant.typed("what time is it");
            text.analyze("the cat sat on the mat", 1_000_000, sink);

            SessionRequest r = new SessionRequest(SessionRequest.Source.FILE, "", "", wav, false, "",
                    List.of("hey_jarvis"), 0.6, 0, true);
            try (RunningSession s = new GuiSessionLauncher(dirs, assistant).start(r, sink, List.of(), List.of())) {
                waitFor(s);
            }
            Path file = dir.resolve("events.jsonl");
            StringBuilder lines = new StringBuilder();
            events.stream().filter(e -> e.t() >= 0).limit(50).forEach(e -> lines.append(EventCodec.encode(e))
                    .append('\n'));
            Files.writeString(file, lines, StandardCharsets.UTF_8);
            try (EventsReplay replay = EventsReplay.startEvents(file, false, EventSink.discard())) {
                waitFor(replay);
            }
            during = attendThreads();
        } finally {
            tasks.shutdown();
        }
        assertThat(events).anyMatch(e -> e.getClass().getSimpleName().equals("SessionEnd"));
        // the test saw the owners' threads, so their end below means something
        assertThat(during).anyMatch(n -> n.startsWith("attend-task-"))
                .anyMatch(n -> n.startsWith("attend-assistant-"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!before.containsAll(attendThreads()) && System.nanoTime() < deadline) {
            Thread.sleep(20); // a thread that was joined may still be unwinding
        }
        // threads there before may end meanwhile (another test class's pool winding down): only new ones count
        assertThat(attendThreads()).as("attend threads that were not there before").isSubsetOf(before);
    }

    private static void waitFor(RunningSession s) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!s.isEnded() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(s.isEnded()).isTrue();
    }
}
