package dev.attend.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.attend.event.AttendEvent;
import dev.attend.event.CoreEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data folder that becomes read-only or full while a session records: one clear non-fatal source.error, every
 * event still reaches the session's other consumers, nothing is written outside the folder. Needs a small tmpfs
 * (mount, as root); skipped where mounting is not allowed.
 */
class HistoryDiskFailureTest {

    @TempDir
    Path dir;
    private Path mount;
    private boolean mounted;

    @BeforeEach
    void mountTmpfs() throws Exception {
        mount = Files.createDirectory(dir.resolve("data"));
        mounted = run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mount.toString());
        assumeTrue(mounted, "cannot mount a tmpfs here (needs root); skipped");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            run("umount", "-l", mount.toString());
        }
    }

    @Test
    void readOnlyDataFolder() throws Exception {
        Outcome first = session(() -> { }, 5);
        assertThat(first.errors).isEmpty();
        // tmpfs refuses to go read-only under open files, so the folder turns read-only between sessions
        assertThat(remount("ro")).isTrue();
        Outcome o = session(() -> { }, 20);
        assertThat(o.errors).hasSize(1);
        assertThat(o.errors.get(0).message()).startsWith("history: this session is not being saved (")
                .contains("read-only");
        assertThat(o.problems).containsExactly(o.errors.get(0).message());
        assertThat(remount("rw")).isTrue();
        try (HistoryDb h = HistoryDb.open(mount.resolve("history.db"))) {
            HistoryStore store = new HistoryStore(h);
            assertThat(store.sessions()).hasSize(1); // the first session, untouched
            assertThat(store.utterances(store.sessions().get(0).id())).hasSize(5);
            assertThat(h.integrityCheck()).isEqualTo("ok");
        }
    }

    @Test
    void fullDiskWhileRecording() throws Exception {
        Outcome o = session(() -> { }, 400); // 400 long finals do not fit in 1 MB
        assertThat(o.errors).hasSize(1);
        assertThat(o.errors.get(0).message()).contains("the disk is full");
        try (HistoryDb h = HistoryDb.open(mount.resolve("history.db"))) {
            assertThat(h.integrityCheck()).isEqualTo("ok");
            assertThat(new HistoryStore(h).utterances(1).size()).isBetween(1, 399);
        }
    }

    private record Outcome(List<CoreEvents.SourceError> errors, List<String> problems) {
    }

    private Outcome session(Runnable afterTen, int finals) throws Exception {
        List<AttendEvent> seen = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> before = listing(dir);
        int sent = 0;
        try (HistoryRecorder r = HistoryRecorder.open(mount.resolve("history.db"),
                new HistoryRecorder.SessionMeta(null, null), seen::add, problems::add, null)) {
            r.emit(HistoryTestEvents.start());
            sent++;
            String filler = " and so on".repeat(60);
            for (int i = 0; i < finals; i++) {
                if (i == 10) {
                    afterTen.run();
                }
                r.emit(HistoryTestEvents.fin(i, i * 2.0, "utterance number " + i + filler));
                r.emit(HistoryTestEvents.level(i * 2.0 + 1));
                sent += 2;
            }
            r.emit(HistoryTestEvents.end(finals * 2.0));
            sent++;
        }
        List<CoreEvents.SourceError> errors = seen.stream().filter(e -> e instanceof CoreEvents.SourceError)
                .map(e -> (CoreEvents.SourceError) e).toList();
        assertThat(seen).hasSize(sent + errors.size()); // the session saw every event
        errors.forEach(e -> {
            assertThat(e.source()).isEqualTo("history");
            assertThat(e.fatal()).isFalse();
        });
        assertThat(listing(dir)).isEqualTo(before); // nothing new beside the data folder
        return new Outcome(errors, problems);
    }

    private List<String> listing(Path p) throws IOException {
        try (Stream<Path> s = Files.list(p)) {
            return s.map(x -> x.getFileName().toString()).sorted().toList();
        }
    }

    private boolean remount(String mode) {
        try {
            return run("mount", "-o", "remount," + mode, mount.toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean run(String... cmd) throws Exception {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
