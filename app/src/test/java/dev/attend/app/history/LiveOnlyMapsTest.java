package dev.attend.app.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.event.AsrEvents;
import dev.attend.event.AttendEvent;
import dev.attend.event.AttentionEvent;
import dev.attend.event.CoreEvents;
import dev.attend.history.HistoryDb;
import dev.attend.history.HistoryRecorder;
import dev.attend.history.HistoryStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A GUI session's history keeps every event but the lab's fusion maps, which still reach the window. */
class LiveOnlyMapsTest {

    @TempDir
    Path tmp;

    private static AttentionEvent map(String source, int step) {
        return new AttentionEvent(step * 0.08, source, step, 0, 0, "audio", "video", List.of("0.08s"),
                List.of("0.08s"), new float[][] {{1f}}, new float[][] {{0.5f}});
    }

    @Test
    void fusionMapsGoToTheWindowOnlyEverythingElseIsRecordedInOrder() throws Exception {
        Path db = tmp.resolve("history.db");
        List<AttendEvent> window = java.util.Collections.synchronizedList(new ArrayList<>());
        List<AttendEvent> sent = List.of(
                new CoreEvents.SessionStart(0, "1.0", List.of(), "realtime"),
                map("fusion", 1),
                new AsrEvents.Final(0.5, 1.0, 0, "hello world", 0.9, List.of(), List.of()),
                map("minilm", 0),
                map("fusion", 2),
                new CoreEvents.SessionEnd(2.0, "eof", 2.0, 0, 0, 0, 1.0));
        Long session;
        try (HistoryRecorder recorder = HistoryRecorder.open(db, new HistoryRecorder.SessionMeta(null, null),
                window::add, msg -> { }, null)) {
            LiveOnlyMaps sink = new LiveOnlyMaps(recorder, window::add);
            sent.forEach(sink::emit);
            session = recorder.sessionId();
        }
        assertThat(window).containsExactlyElementsOf(sent); // the window saw all six, in order
        List<String> stored = new ArrayList<>();
        try (HistoryDb h = HistoryDb.open(db)) {
            new HistoryStore(h).events(session, stored::add);
        }
        assertThat(stored).hasSize(4);
        assertThat(stored.get(0)).contains("\"session.start\"");
        assertThat(stored.get(1)).contains("\"asr.final\"", "hello world");
        assertThat(stored.get(2)).contains("\"attention\"", "\"minilm\"");
        assertThat(stored).noneMatch(l -> l.contains("\"fusion\""));
        assertThat(stored.get(3)).contains("\"session.end\"");
    }
}
