package dev.attend.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.event.AttendEvent;
import dev.attend.event.EventCodec;
import dev.attend.history.HistoryRecords.SearchHit;
import dev.attend.history.HistoryRecords.SessionInfo;
import dev.attend.history.HistoryRecords.StoredUtterance;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryStoreTest {

    @TempDir
    Path dir;

    private List<String> record(Path db, List<AttendEvent> events) {
        List<String> shown = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (HistoryRecorder r = HistoryRecorder.open(db, new HistoryRecorder.SessionMeta("tone", "eng-spa"),
                e -> shown.add(EventCodec.encode(e)), problems::add, null)) {
            events.forEach(r::emit);
        }
        assertThat(problems).isEmpty();
        return shown;
    }

    private static List<AttendEvent> session() {
        return List.of(HistoryTestEvents.start(), HistoryTestEvents.level(0.1),
                HistoryTestEvents.fin(0, 0.5, "the purple elephant sings"), HistoryTestEvents.level(0.2),
                HistoryTestEvents.translation(0, 0.5, "the purple elephant sings", "el elefante morado canta"),
                HistoryTestEvents.fin(1, 3.0, "call mother on sunday"),
                HistoryTestEvents.fin(2, 5.0, "one two three"), HistoryTestEvents.end(7.5));
    }

    @Test
    void recordsSessionUtterancesAndTheExactEventStream() throws Exception {
        Path db = dir.resolve("history.db");
        List<String> shown = record(db, session());
        try (HistoryDb h = HistoryDb.open(db)) {
            HistoryStore store = new HistoryStore(h);
            List<SessionInfo> sessions = store.sessions();
            assertThat(sessions).hasSize(1);
            SessionInfo s = sessions.get(0);
            assertThat(s.utterances()).isEqualTo(3);
            assertThat(s.firstWords()).isEqualTo("the purple elephant sings");
            assertThat(s.duration()).isEqualTo(7.5);
            assertThat(s.endReason()).isEqualTo("eof");
            assertThat(s.speechModel()).isEqualTo("tone");
            assertThat(s.sources()).contains("talk.wav");
            List<StoredUtterance> u = store.utterances(s.id());
            assertThat(u).extracting(StoredUtterance::text)
                    .containsExactly("the purple elephant sings", "call mother on sunday", "one two three");
            assertThat(u.get(0).translation()).isEqualTo("el elefante morado canta");
            assertThat(u.get(1).words()).hasSize(4);
            assertThat(u.get(1).words().get(1).word()).isEqualTo("mother");
            assertThat(u.get(1).words().get(1).start()).isEqualTo(3.4);
            List<String> replayed = new ArrayList<>();
            store.events(s.id(), replayed::add);
            assertThat(replayed).isEqualTo(shown);
            assertThat(replayed).hasSize(8);
            assertThat(h.integrityCheck()).isEqualTo("ok");
        }
    }

    @Test
    void aTypedSentenceIsARowOfItsSessionWithItsTranslationAndTheLabsIsNot() throws Exception {
        Path db = dir.resolve("history.db");
        int id = dev.attend.event.TypedTextEvent.FIRST_ID;
        record(db, List.of(HistoryTestEvents.start(), HistoryTestEvents.fin(0, 0.5, "one two three"),
                new dev.attend.event.TypedTextEvent(2.0, id, "the black cat", "captions"),
                HistoryTestEvents.translation(id, 0, "the black cat", "el gato negro"),
                new dev.attend.event.TypedTextEvent(2.5, id + 1, "the cat sat", "lab"), HistoryTestEvents.end(4)));
        try (HistoryDb h = HistoryDb.open(db)) {
            HistoryStore store = new HistoryStore(h);
            SessionInfo s = store.sessions().get(0);
            List<StoredUtterance> u = store.utterances(s.id());
            assertThat(u).extracting(StoredUtterance::text).containsExactly("one two three", "the black cat");
            assertThat(u.get(1).translation()).isEqualTo("el gato negro");
            assertThat(u.get(1).start()).isEqualTo(2.0);
            assertThat(new HistorySearch(store).words("black", 10)).extracting(SearchHit::seq).containsExactly(id);
        }
    }

    @Test
    void wordSearchFindsTextTranslationsAndNotesWithMarkedSnippets() throws Exception {
        Path db = dir.resolve("history.db");
        record(db, session());
        try (HistoryDb h = HistoryDb.open(db)) {
            HistoryStore store = new HistoryStore(h);
            new NotesRepository(store).add("buy a purple umbrella", null);
            HistorySearch search = new HistorySearch(store);
            List<SearchHit> hits = search.words("Purple", 10);
            assertThat(hits).extracting(SearchHit::kind).containsExactlyInAnyOrder("utterance", "note");
            SearchHit u = hits.stream().filter(x -> x.kind().equals("utterance")).findFirst().orElseThrow();
            assertThat(u.seq()).isZero();
            assertThat(u.start()).isEqualTo(0.5);
            assertThat(u.snippet("[", "]")).isEqualTo("the [purple] elephant sings");
            assertThat(search.words("elefante", 10)).extracting(SearchHit::seq).containsExactly(0);
            assertThat(search.words("Sunday, MOTHER!", 10)).extracting(SearchHit::text)
                    .containsExactly("call mother on sunday"); // every word, any order and case
            assertThat(search.words("mother sun", 10)).isEmpty(); // whole words only
            assertThat(search.words("mother AND NOT (\"", 10)).isEmpty(); // operators are just words
            assertThat(search.words("?!", 10)).isEmpty();
        }
    }

    @Test
    void deletingASessionRemovesItsWordsFromTheIndex() throws Exception {
        Path db = dir.resolve("history.db");
        record(db, session());
        record(db, List.of(HistoryTestEvents.start(), HistoryTestEvents.fin(0, 1, "purple rain again"),
                HistoryTestEvents.end(2)));
        try (HistoryDb h = HistoryDb.open(db)) {
            HistoryStore store = new HistoryStore(h);
            long first = store.sessions().get(1).id();
            assertThat(new HistorySearch(store).words("purple", 10)).hasSize(2);
            assertThat(store.delete(first)).isTrue();
            assertThat(new HistorySearch(store).words("purple", 10)).extracting(SearchHit::text)
                    .containsExactly("purple rain again");
            assertThat(count(h, "SELECT count(*) FROM utterances_fts WHERE utterances_fts MATCH 'elephant'"))
                    .isZero();
            assertThat(count(h, "SELECT count(*) FROM utterances_fts WHERE utterances_fts MATCH 'elefante'"))
                    .isZero();
            assertThat(count(h, "SELECT count(*) FROM event_chunks WHERE session_id = " + first)).isZero();
            assertThat(store.deleteAll()).isEqualTo(1);
            assertThat(count(h, "SELECT count(*) FROM utterances_fts")).isZero();
            assertThat(store.sessions()).isEmpty();
        }
    }

    @Test
    void retentionDeletesOnlyOldSessions() throws Exception {
        Path db = dir.resolve("history.db");
        record(db, session());
        try (HistoryDb h = HistoryDb.open(db)) {
            HistoryStore store = new HistoryStore(h);
            HistoryPrefs prefs = new HistoryPrefs(store);
            assertThat(prefs.applyRetention(java.time.Instant.now())).isZero(); // 0 = keep everything
            prefs.setRetentionDays(3);
            prefs.setPaused(true);
            assertThat(prefs.applyRetention(java.time.Instant.now().plus(Duration.ofDays(2)))).isZero();
            assertThat(prefs.applyRetention(java.time.Instant.now().plus(Duration.ofDays(4)))).isEqualTo(1);
            assertThat(prefs.paused()).isTrue();
            assertThat(prefs.retentionDays()).isEqualTo(3);
        }
    }

    @Test
    void anOlderSchemaMadeHereIsUpgradedWithItsData() throws Exception {
        Path db = dir.resolve("history.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            Migrations.migrate(c, 1); // version 1: no search index, no notes
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO sessions(id, started_at) VALUES (7, 1700000000000)");
                s.executeUpdate("INSERT INTO utterances(session_id, seq, start, end, text) "
                        + "VALUES (7, 0, 1.0, 2.0, 'an old saxophone tune')");
            }
            assertThat(Migrations.version(c)).isEqualTo(1);
        }
        try (HistoryDb h = HistoryDb.open(db)) {
            HistoryStore store = new HistoryStore(h);
            assertThat(count(h, "SELECT max(version) FROM schema_migrations")).isEqualTo(Migrations.LATEST);
            assertThat(new HistorySearch(store).words("saxophone", 5)).extracting(SearchHit::sessionId)
                    .containsExactly(7L);
            assertThat(new NotesRepository(store).add("works after the upgrade", 7L)).isPositive();
            assertThat(store.session(7).orElseThrow().utterances()).isEqualTo(1);
        }
    }

    @Test
    void aDamagedFileIsMovedAsideAndANewOneStarted() throws Exception {
        Path db = dir.resolve("history.db");
        byte[] junk = "this is not a database, just text that got here somehow\n".repeat(200)
                .getBytes(StandardCharsets.UTF_8);
        Files.write(db, junk);
        Files.writeString(dir.resolve("keep.txt"), "other data");
        try (HistoryDb h = HistoryDb.open(db)) {
            assertThat(h.notice()).hasValueSatisfying(n -> assertThat(n).contains("damaged")
                    .contains("moved aside to history.db.corrupt-"));
            assertThat(new HistoryStore(h).sessions()).isEmpty();
            assertThat(h.integrityCheck()).isEqualTo("ok");
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> aside = files.filter(p -> p.getFileName().toString().startsWith("history.db.corrupt-"))
                    .toList();
            assertThat(aside).hasSize(1);
            assertThat(Files.readAllBytes(aside.get(0))).isEqualTo(junk);
        }
        assertThat(Files.readString(dir.resolve("keep.txt"))).isEqualTo("other data");
        try (HistoryDb again = HistoryDb.open(db)) {
            assertThat(again.notice()).isEmpty();
        }
    }

    @Test
    void notesAndTimersKeepTheirState() throws Exception {
        try (HistoryDb h = HistoryDb.open(dir.resolve("history.db"))) {
            HistoryStore store = new HistoryStore(h);
            NotesRepository notes = new NotesRepository(store);
            long a = notes.add("first", null);
            long b = notes.add("second", null);
            assertThat(notes.update(a, "first, edited")).isTrue();
            assertThat(notes.list()).extracting(NotesRepository.Note::id).containsExactly(b, a);
            assertThat(notes.get(a).orElseThrow().text()).isEqualTo("first, edited");
            assertThat(notes.delete(b)).isTrue();
            assertThat(notes.delete(b)).isFalse();
            TimersRepository timers = new TimersRepository(store);
            long t1 = timers.start("tea", Duration.ofMinutes(3));
            long t2 = timers.start("eggs", Duration.ofMinutes(1));
            assertThat(timers.pending()).extracting(TimersRepository.Timer::id).containsExactly(t2, t1);
            assertThat(timers.markFired(t2)).isTrue();
            assertThat(timers.cancel(t2)).isFalse();
            assertThat(timers.pending()).extracting(TimersRepository.Timer::label).containsExactly("tea");
            assertThat(timers.list()).filteredOn(t -> t.id() == t2).first()
                    .satisfies(t -> assertThat(t.state()).isEqualTo("fired"));
        }
    }

    private static long count(HistoryDb h, String sql) throws Exception {
        try (Statement s = h.connection().createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
