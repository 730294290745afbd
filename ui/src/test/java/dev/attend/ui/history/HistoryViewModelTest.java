package dev.attend.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.event.AsrEvents;
import dev.attend.history.HistoryDb;
import dev.attend.history.HistoryRecords.SearchHit;
import dev.attend.history.HistoryStore;
import dev.attend.ui.bridge.UiTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryViewModelTest {

    @TempDir
    Path dir;
    private HistoryDb db;
    private HistoryStore store;
    private HistoryViewModel vm;
    private long monday;
    private long tuesdayA;
    private long tuesdayB;

    @BeforeEach
    void fill() throws Exception {
        db = HistoryDb.open(dir.resolve("history.db"));
        store = new HistoryStore(db);
        monday = session("2026-11-30T09:00:00Z", "good morning team", "the budget is approved");
        tuesdayA = session("2026-12-01T08:00:00Z", "standup notes", "the release slips a week");
        tuesdayB = session("2026-12-01T15:30:00Z", "call the plumber about the leak");
        vm = new HistoryViewModel(db, UiTasks.synchronous(), () -> {
            throw new IllegalStateException("no MiniLM in this test");
        }, ZoneOffset.UTC);
        vm.refresh();
    }

    @AfterEach
    void close() {
        vm.close();
        db.close();
    }

    private long session(String start, String... texts) throws Exception {
        long id = store.createSession(Instant.parse(start), "[]", "fast", null, null);
        List<AsrEvents.Final> finals = new java.util.ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            finals.add(new AsrEvents.Final(i * 3.0, i * 3.0 + 2, i, texts[i], 1, List.of(
                    new AsrEvents.Word(texts[i].split(" ")[0], i * 3.0, i * 3.0 + 0.4, 1)), List.of()));
        }
        store.importFinals(id, finals, null, null);
        return id;
    }

    @Test
    void sessionsAreGroupedByDayNewestFirst() {
        assertThat(vm.rows()).hasSize(5);
        assertThat(vm.rows().get(0)).isEqualTo(new HistoryViewModel.DayRow(java.time.LocalDate.of(2026, 12, 1), 2));
        assertThat(((HistoryViewModel.SessionRow) vm.rows().get(1)).session().id()).isEqualTo(tuesdayB);
        assertThat(((HistoryViewModel.SessionRow) vm.rows().get(1)).session().firstWords())
                .isEqualTo("call the plumber about the leak");
        assertThat(((HistoryViewModel.SessionRow) vm.rows().get(2)).session().id()).isEqualTo(tuesdayA);
        assertThat(vm.rows().get(3)).isEqualTo(new HistoryViewModel.DayRow(java.time.LocalDate.of(2026, 11, 30), 1));
    }

    @Test
    void aSearchHitOpensItsSessionAtTheUtterance() {
        vm.search("release", false);
        assertThat(vm.hits()).hasSize(1);
        SearchHit h = vm.hits().get(0);
        assertThat(h.snippet("<", ">")).isEqualTo("the <release> slips a week");
        vm.open(h.sessionId(), h.seq());
        assertThat(vm.openSession().get().id()).isEqualTo(tuesdayA);
        assertThat(vm.selectedUtterance().get()).isEqualTo(1);
        assertThat(vm.utterances().get(1).words().get(0).word()).isEqualTo("the");
    }

    @Test
    void deleteCanBeUndoneUntilItIsCommitted() throws Exception {
        vm.open(monday, null);
        vm.deleteOpen();
        assertThat(vm.pendingDelete().get().id()).isEqualTo(monday);
        assertThat(vm.rows()).hasSize(3); // Monday's heading went with its only session
        assertThat(store.session(monday)).isPresent(); // not yet in the database
        vm.undo();
        assertThat(vm.rows()).hasSize(5);
        assertThat(vm.openSession().get().id()).isEqualTo(monday);

        vm.deleteOpen();
        vm.commitPendingDelete();
        assertThat(store.session(monday)).isEmpty();
        vm.search("budget", false);
        assertThat(vm.hits()).isEmpty();
    }

    @Test
    void privacySettingsPersistAndDeleteAllEmptiesTheHistory() throws Exception {
        vm.setPaused(true);
        vm.setRetentionDays(30);
        HistoryViewModel again = new HistoryViewModel(db, UiTasks.synchronous(), () -> null, ZoneOffset.UTC);
        again.refresh();
        assertThat(again.paused().get()).isTrue();
        assertThat(again.retentionDays().get()).isEqualTo(30);
        vm.deleteAll();
        assertThat(vm.rows()).isEmpty();
        assertThat(store.sessions()).isEmpty();
    }

    @Test
    void theRecordedEventsAreWrittenForTheReplay() throws Exception {
        List<String> shown = new java.util.ArrayList<>();
        try (dev.attend.history.HistoryRecorder r = dev.attend.history.HistoryRecorder.open(
                dir.resolve("history.db"), new dev.attend.history.HistoryRecorder.SessionMeta(null, null),
                e -> shown.add(dev.attend.event.EventCodec.encode(e)), msg -> { }, null)) {
            r.emit(new dev.attend.event.CoreEvents.SessionStart(0, "1.0", List.of(), "fast"));
            r.emit(new AsrEvents.Final(0.5, 1.0, 0, "replay me", 1, List.of(), List.of()));
            r.emit(new dev.attend.event.CoreEvents.SessionEnd(2, "eof", 2, 0, 0, 0, 1));
        }
        vm.refresh();
        long id = vm.rows().stream().filter(r -> r instanceof HistoryViewModel.SessionRow sr
                && sr.session().firstWords().equals("replay me"))
                .mapToLong(r -> ((HistoryViewModel.SessionRow) r).session().id()).findFirst().orElseThrow();
        vm.open(id, null);
        assertThat(vm.utterances()).extracting(u -> u.text()).containsExactly("replay me");
        Path[] out = new Path[1];
        vm.eventsFile(dir.resolve("replay"), f -> out[0] = f);
        assertThat(Files.readAllLines(out[0])).isEqualTo(shown).hasSize(3);
    }
}
