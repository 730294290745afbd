package dev.attend.app.assistant;

import dev.attend.assistant.service.HistoryAssistantSearch;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.assistant.store.HistorySearch;
import dev.attend.config.AppDirs;
import dev.attend.event.AsrEvents;
import dev.attend.history.HistoryDb;
import dev.attend.history.HistoryStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "What did I say about the budget": the assistant's search answers from a real history database. */
class HistoryAssistantSearchTest {

    @TempDir
    Path dir;

    @Test
    void findsThePlantedUtteranceWithItsSessionsStartAndNothingForOtherWords() throws Exception {
        AppDirs dirs = AppDirs.resolve(dir.resolve("config"), dir.resolve("data"));
        Instant start = Instant.parse("2026-11-30T09:15:00Z");
        try (HistoryDb db = HistoryDb.open(HistoryDb.defaultFile(dirs))) {
            HistoryStore store = new HistoryStore(db);
            long id = store.createSession(start, "[]", "realtime", "tone", null);
            store.importFinals(id, List.of(
                    new AsrEvents.Final(1.0, 2.5, 0, "the budget for march is tight", 0.9, List.of(), List.of()),
                    new AsrEvents.Final(3.0, 4.0, 1, "call mother on sunday", 0.9, List.of(), List.of())),
                    null, null);
        }
        HistoryAssistantSearch search = new HistoryAssistantSearch(dirs);
        List<HistorySearch.Hit> hits = search.search("budget", 3);
        assertThat(hits).extracting(HistorySearch.Hit::text).containsExactly("the budget for march is tight");
        assertThat(hits.get(0).when()).isEqualTo(start);
        assertThat(search.search("elephant", 3)).isEmpty();
    }

    @Test
    void noHistoryYetMeansNoHits() {
        AppDirs dirs = AppDirs.resolve(dir.resolve("config"), dir.resolve("empty"));
        assertThat(new HistoryAssistantSearch(dirs).search("budget", 3)).isEmpty();
    }
}
