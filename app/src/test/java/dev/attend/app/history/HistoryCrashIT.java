package dev.attend.app.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.attend.testkit.ToneAudio;
import dev.attend.history.HistoryDb;
import dev.attend.history.HistoryRecords.StoredUtterance;
import dev.attend.history.HistoryStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real launcher recording a {@code --realtime} session of the tone-language model is killed with SIGKILL right
 * after it printed its 4th final: on restart all 4 finals are in the history and the file passes integrity_check.
 */
class HistoryCrashIT {

    private static final Path LAUNCHER = Path.of("target", "attend", "bin", "attend").toAbsolutePath();
    private static final int N = 4;

    @TempDir
    Path dir;

    @Test
    void killedAfterNFinalsKeepsAllOfThem() throws Exception {
        assumeTrue(Files.isExecutable(LAUNCHER), "launcher not built: " + LAUNCHER);
        Path model = dir.resolve("model");
        assertThat(run(LAUNCHER.toString(), "testkit", "vosk-model", "--out", model.toString())).isZero();
        List<String> words = Arrays.asList("one two three four five six seven eight nine zero".split(" "));
        Path wav = dir.resolve("talk.wav");
        ToneAudio.builder().silence(0.5).words(words, 1.2).silence(1.0).build().writeWav(wav); // a final per word
        Path data = dir.resolve("data");

        Process p = new ProcessBuilder(LAUNCHER.toString(), "--data-dir", data.toString(), "run", "--audio",
                wav.toString(), "--model", model.toString(), "--realtime", "--history", "--no-vad", "--wake", "none",
                "--events", "-").redirectError(dir.resolve("stderr.txt").toFile()).start();
        List<String> finals = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while (finals.size() < N && (line = in.readLine()) != null) {
                if (line.contains("\"type\":\"asr.final\"")) {
                    finals.add(line);
                }
            }
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(p.exitValue()).isEqualTo(137);
        assertThat(finals).hasSize(N);

        try (HistoryDb db = HistoryDb.open(data.resolve(HistoryDb.FILE_NAME))) {
            assertThat(db.notice()).isEmpty();
            assertThat(db.integrityCheck()).isEqualTo("ok");
            HistoryStore store = new HistoryStore(db);
            assertThat(store.sessions()).hasSize(1);
            assertThat(store.sessions().get(0).endedAt()).isNull(); // it never ended
            List<StoredUtterance> stored = store.utterances(store.sessions().get(0).id());
            assertThat(stored.size()).isGreaterThanOrEqualTo(N);
            assertThat(stored.subList(0, N)).extracting(StoredUtterance::text).containsExactlyElementsOf(
                    words.subList(0, N));
            List<String> events = new ArrayList<>();
            store.events(store.sessions().get(0).id(), events::add);
            assertThat(events.stream().filter(l -> l.contains("\"type\":\"asr.final\"")).limit(N))
                    .containsExactlyElementsOf(finals); // the raw stream up to each final, byte for byte
        }
    }

    private static int run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }
}
