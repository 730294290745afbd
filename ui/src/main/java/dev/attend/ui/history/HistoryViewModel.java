package dev.attend.ui.history;

import dev.attend.history.Embedder;
import dev.attend.history.HistoryDb;
import dev.attend.history.HistoryExport;
import dev.attend.history.HistoryPrefs;
import dev.attend.history.HistoryRecords.SearchHit;
import dev.attend.history.HistoryRecords.SessionInfo;
import dev.attend.history.HistoryRecords.StoredUtterance;
import dev.attend.history.HistorySearch;
import dev.attend.history.HistoryStore;
import dev.attend.ui.bridge.UiTasks;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the History window shows and does, on an open {@link HistoryDb}: sessions grouped by day, the open session's
 * utterances, search hits, a delete that can be undone until {@link #commitPendingDelete()}, and the privacy
 * settings. Database work runs through {@link UiTasks}; results land on the UI thread. Its parts: {@link HistoryDays}
 * (the list's day headings), {@link MeaningSearch} (MiniLM, loaded on first use), {@link HistoryFiles} (exports).
 */
public final class HistoryViewModel implements AutoCloseable {

    /** A line of the session list: a day heading or a session. */
    public sealed interface Row permits DayRow, SessionRow {
    }

    public record DayRow(LocalDate day, int sessions) implements Row {
    }

    public record SessionRow(SessionInfo session) implements Row {
    }

    private final HistoryDb db;
    private final HistoryStore store;
    private final HistoryPrefs prefs;
    private final UiTasks tasks;
    private final MeaningSearch meaning;
    private final HistoryFiles files;
    private final ZoneId zone;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<StoredUtterance> utterances = FXCollections.observableArrayList();
    private final ObservableList<SearchHit> hits = FXCollections.observableArrayList();
    private final ObjectProperty<SessionInfo> open = new SimpleObjectProperty<>();
    private final IntegerProperty selectedUtterance = new SimpleIntegerProperty(-1);
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final IntegerProperty retentionDays = new SimpleIntegerProperty();
    private final ObjectProperty<SessionInfo> pendingDelete = new SimpleObjectProperty<>();

    public HistoryViewModel(HistoryDb db, UiTasks tasks, Embedder.Factory embedderFactory, ZoneId zone) {
        this.db = db;
        this.store = new HistoryStore(db);
        this.prefs = new HistoryPrefs(store);
        this.tasks = tasks;
        this.meaning = new MeaningSearch(store, embedderFactory);
        this.files = new HistoryFiles(store);
        this.zone = zone;
        db.notice().ifPresent(notice::set);
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObservableList<StoredUtterance> utterances() {
        return utterances;
    }

    public ObservableList<SearchHit> hits() {
        return hits;
    }

    public ObjectProperty<SessionInfo> openSession() {
        return open;
    }

    /** Index in {@link #utterances()} to show (a search hit's utterance), or -1. */
    public IntegerProperty selectedUtterance() {
        return selectedUtterance;
    }

    public StringProperty error() {
        return error;
    }

    /** E.g. that a damaged database was replaced. */
    public StringProperty notice() {
        return notice;
    }

    public BooleanProperty paused() {
        return paused;
    }

    public IntegerProperty retentionDays() {
        return retentionDays;
    }

    /** The session deleted last, while it can still be brought back; null otherwise. */
    public ObjectProperty<SessionInfo> pendingDelete() {
        return pendingDelete;
    }

    /** Reloads the list and the privacy settings. */
    public void refresh() {
        tasks.run(() -> new Object[] {store.sessions(), prefs.paused(), prefs.retentionDays()}, r -> {
            @SuppressWarnings("unchecked")
            List<SessionInfo> sessions = (List<SessionInfo>) r[0];
            rows.setAll(group(sessions));
            paused.set((Boolean) r[1]);
            retentionDays.set((Integer) r[2]);
        }, this::failed);
    }

    /** Sessions by day, newest first; the session waiting for its delete is left out. */
    List<Row> group(List<SessionInfo> sessions) {
        return HistoryDays.group(sessions, pendingDelete.get(), zone);
    }

    /** Opens a session; {@code atUtterance} (the utterance's seq) is selected when given. */
    public void open(long sessionId, Integer atUtterance) {
        tasks.run(() -> new Object[] {store.session(sessionId).orElse(null), store.utterances(sessionId)}, r -> {
            @SuppressWarnings("unchecked")
            List<StoredUtterance> list = (List<StoredUtterance>) r[1];
            open.set((SessionInfo) r[0]);
            utterances.setAll(list);
            int index = -1;
            for (int i = 0; atUtterance != null && i < list.size(); i++) {
                if (list.get(i).seq() == atUtterance) {
                    index = i;
                }
            }
            selectedUtterance.set(-1);
            selectedUtterance.set(index);
        }, this::failed);
    }

    /** Searches every session by words, or by meaning (MiniLM is loaded on first use). */
    public void search(String query, boolean byMeaning) {
        if (query == null || query.isBlank()) {
            hits.clear();
            return;
        }
        tasks.run(() -> byMeaning ? meaning.search(query, 50) : new HistorySearch(store).words(query, 50), hits::setAll,
                this::failed);
    }

    /**
     * Deletes the open session from the views at once; the database delete happens in
     * {@link #commitPendingDelete()} (the window calls it after a few seconds) unless {@link #undo()} comes first.
     */
    public void deleteOpen() {
        SessionInfo s = open.get();
        if (s == null) {
            return;
        }
        commitPendingDelete();
        pendingDelete.set(s);
        open.set(null);
        utterances.clear();
        hits.removeIf(h -> h.sessionId() != null && h.sessionId() == s.id());
        rows.removeIf(r -> r instanceof SessionRow sr && sr.session().id() == s.id());
        refresh();
    }

    public void undo() {
        SessionInfo s = pendingDelete.get();
        pendingDelete.set(null);
        if (s != null) {
            refresh();
            open(s.id(), null);
        }
    }

    /** Makes the last delete final (its text leaves the search index). */
    public void commitPendingDelete() {
        SessionInfo s = pendingDelete.get();
        if (s == null) {
            return;
        }
        pendingDelete.set(null);
        tasks.run(() -> store.delete(s.id()), ok -> { }, this::failed);
    }

    /** Deletes every session at once (the window asks first). */
    public void deleteAll() {
        pendingDelete.set(null);
        tasks.run(store::deleteAll, n -> {
            open.set(null);
            utterances.clear();
            hits.clear();
            refresh();
        }, this::failed);
    }

    public void setPaused(boolean value) {
        tasks.run(() -> {
            prefs.setPaused(value);
            return value;
        }, paused::set, this::failed);
    }

    /** Keeps sessions for {@code days} (0 = forever) and deletes older ones now. */
    public void setRetentionDays(int days) {
        tasks.run(() -> {
            prefs.setRetentionDays(days);
            prefs.applyRetention(java.time.Instant.now());
            return days;
        }, d -> {
            retentionDays.set(d);
            refresh();
        }, this::failed);
    }

    /** Writes the open session to {@code file} in {@code format}; {@code done} gets the file. */
    public void export(HistoryExport.Format format, Path file, Consumer<Path> done) {
        SessionInfo s = open.get();
        if (s == null) {
            return;
        }
        tasks.run(() -> files.export(format, s, file), done, this::failed);
    }

    /** Writes the open session's recorded events to a JSON Lines file in {@code dir} for the normal replay. */
    public void eventsFile(Path dir, Consumer<Path> done) {
        SessionInfo s = open.get();
        if (s == null) {
            return;
        }
        tasks.run(() -> files.events(s, dir), done, this::failed);
    }

    private void failed(Throwable t) {
        error.set(t.getMessage() == null ? t.toString() : t.getMessage());
    }

    /** Finishes a pending delete at once (the database closes next) and releases MiniLM. */
    @Override
    public void close() {
        SessionInfo s = pendingDelete.get();
        pendingDelete.set(null);
        if (s != null) {
            try {
                store.delete(s.id());
            } catch (java.sql.SQLException e) {
                failed(e);
            }
        }
        meaning.close();
    }
}
