package dev.attend.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.event.AttendEvent;
import dev.attend.history.HistoryRecords.SearchHit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Meaning search with the real MiniLM: paraphrases are found although they share no word with the utterance. */
class SemanticSearchTest {

    private static final String[] PLANTED = {
        "remember to buy milk and eggs tomorrow",
        "the quarterly budget report is late again",
        "my flight to Tokyo leaves at noon",
        "the cat is sleeping on the sofa",
        "please turn the heating down a little",
    };

    private static Embedder miniLm;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        miniLm = Embedder.miniLm();
    }

    @AfterAll
    static void close() {
        miniLm.close();
    }

    @Test
    void aParaphraseIsFoundByMeaningButNotByWords() throws Exception {
        Path db = dir.resolve("history.db");
        List<AttendEvent> events = new ArrayList<>();
        events.add(HistoryTestEvents.start());
        for (int i = 0; i < PLANTED.length; i++) {
            events.add(HistoryTestEvents.fin(i, i * 5.0, PLANTED[i]));
        }
        events.add(HistoryTestEvents.end(30));
        // vectors are made by the recorder's own worker with its own MiniLM, as in a live session
        try (HistoryRecorder r = HistoryRecorder.open(db, new HistoryRecorder.SessionMeta(null, null), e -> { },
                p -> { }, Embedder::miniLm)) {
            events.forEach(r::emit);
        }
        try (HistoryDb h = HistoryDb.open(db)) {
            HistoryStore store = new HistoryStore(h);
            SemanticSearch semantic = new SemanticSearch(store, miniLm);
            assertThat(semantic.missing()).isZero();
            assertThat(semantic.backfill(n -> { })).isZero();
            HistorySearch words = new HistorySearch(store);
            assertTop(semantic, words, "groceries I need from the shop", 0);
            assertTop(semantic, words, "when does my plane depart", 2);
            assertTop(semantic, words, "a kitten napping on the couch", 3);
            assertThat(semantic.size()).isEqualTo(PLANTED.length);

            long session = store.sessions().get(0).id();
            store.delete(session);
            assertThat(semantic.meaning("when does my plane depart", 3)).isEmpty();
        }
    }

    @Test
    void utterancesRecordedWithoutVectorsAreEmbeddedLater() throws Exception {
        Path db = dir.resolve("history.db");
        try (HistoryRecorder r = HistoryRecorder.open(db, new HistoryRecorder.SessionMeta(null, null), e -> { },
                p -> { }, null)) {
            r.emit(HistoryTestEvents.start());
            r.emit(HistoryTestEvents.fin(0, 1, PLANTED[4]));
            r.emit(HistoryTestEvents.fin(1, 4, PLANTED[1]));
        }
        try (HistoryDb h = HistoryDb.open(db)) {
            SemanticSearch semantic = new SemanticSearch(new HistoryStore(h), miniLm);
            assertThat(semantic.missing()).isEqualTo(2);
            assertThat(semantic.backfill(n -> { })).isEqualTo(2);
            assertThat(semantic.meaning("it is too warm in here", 1)).extracting(SearchHit::text)
                    .containsExactly(PLANTED[4]);
        }
    }

    private static void assertTop(SemanticSearch semantic, HistorySearch words, String query, int expected)
            throws Exception {
        List<SearchHit> hits = semantic.meaning(query, 3);
        assertThat(hits).hasSize(3);
        assertThat(hits.get(0).text()).as(query).isEqualTo(PLANTED[expected]);
        assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
        assertThat(words.words(query, 5)).as("by words: " + query).isEmpty();
    }
}
