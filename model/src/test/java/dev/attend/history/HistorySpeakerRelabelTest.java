package dev.attend.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.event.AsrEvents;
import dev.attend.event.AttendEvent;
import dev.attend.event.EventCodec;
import dev.attend.history.HistoryRecords.StoredUtterance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The speaker of each final is stored with its row, and an {@code asr.relabel} moves a stored row. */
class HistorySpeakerRelabelTest {

    @TempDir
    Path dir;

    private static AsrEvents.Final spoken(int id, double t, String text, String speaker) {
        AsrEvents.Final f = HistoryTestEvents.fin(id, t, text);
        return new AsrEvents.Final(f.t(), f.end(), id, text, f.confidence(), f.words(), List.of(), speaker, 0.8,
                new float[]{1, 0});
    }

    @Test
    void aRelabelUpdatesTheStoredRowAndTheExports() throws Exception {
        Path db = dir.resolve("history.db");
        List<AttendEvent> events = List.of(HistoryTestEvents.start(),
                spoken(0, 0.5, "good morning", "Speaker 1"),
                spoken(1, 2.0, "how are you", "Speaker 1"),
                spoken(2, 4.0, "fine thanks", "Speaker 2"),
                new AsrEvents.Relabel(4.0, 1, "Speaker 2"),
                HistoryTestEvents.end(6));
        List<String> shown = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (HistoryRecorder r = HistoryRecorder.open(db, new HistoryRecorder.SessionMeta("tone", null),
                e -> shown.add(EventCodec.encode(e)), problems::add, null)) {
            events.forEach(r::emit);
        }
        assertThat(problems).isEmpty();
        try (HistoryDb h = HistoryDb.open(db)) {
            HistoryStore store = new HistoryStore(h);
            long id = store.sessions().get(0).id();
            List<StoredUtterance> u = store.utterances(id);
            assertThat(u).extracting(StoredUtterance::speaker).containsExactly("Speaker 1", "Speaker 2", "Speaker 2");
            assertThat(HistoryExport.format(HistoryExport.Format.TXT, store.sessions().get(0), u))
                    .isEqualTo("Speaker 1: good morning\nSpeaker 2: how are you\nSpeaker 2: fine thanks\n");
            List<String> replayed = new ArrayList<>();
            store.events(id, replayed::add);
            assertThat(replayed).isEqualTo(shown);
            assertThat(replayed.get(4)).isEqualTo("{\"type\":\"asr.relabel\",\"t\":4.0,\"utterance\":1,"
                    + "\"speaker\":\"Speaker 2\"}");
        }
    }
}
