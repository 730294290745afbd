package dev.attend.ui.history;

import dev.attend.config.AppDirs;
import dev.attend.history.Embedder;
import dev.attend.history.HistoryDb;
import dev.attend.history.HistoryExport;
import dev.attend.history.HistoryRecords.SearchHit;
import dev.attend.history.HistoryRecords.SessionInfo;
import dev.attend.history.HistoryRecords.StoredUtterance;
import dev.attend.ui.bridge.UiTasks;
import dev.attend.ui.i18n.I18n;
import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The History window (Ctrl+H in the main window): sessions by day, one session's utterances with translations and
 * word times, search by words or meaning with highlighted snippets, replay through the main window's views,
 * export, delete with a few seconds to undo, and the privacy settings.
 */
public final class HistoryWindow {

    private static final Duration UNDO_TIME = Duration.seconds(6);
    private final Stage stage = new Stage();
    private final HistoryDb db;
    private final HistoryViewModel vm;
    private final I18n i18n;
    private final AppDirs dirs;
    private final Consumer<Path> replay;
    private final PauseTransition undoTimer = new PauseTransition(UNDO_TIME);

    private HistoryWindow(HistoryDb db, HistoryViewModel vm, I18n i18n, AppDirs dirs, Consumer<Path> replay) {
        this.db = db;
        this.vm = vm;
        this.i18n = i18n;
        this.dirs = dirs;
        this.replay = replay;
    }

    /**
     * Opens the window over the history in {@code dirs}; {@code replay} plays an events file through the main
     * window's views. A history that cannot be opened is shown as an error dialog.
     */
    public static void show(javafx.stage.Window owner, AppDirs dirs, I18n i18n, UiTasks tasks, Consumer<Path> replay) {
        HistoryDb db;
        try {
            db = HistoryDb.open(HistoryDb.defaultFile(dirs));
        } catch (RuntimeException e) {
            new Alert(Alert.AlertType.ERROR, e.getMessage(), ButtonType.OK).showAndWait();
            return;
        }
        HistoryViewModel vm = new HistoryViewModel(db, tasks, Embedder::miniLm, ZoneId.systemDefault());
        HistoryWindow w = new HistoryWindow(db, vm, i18n, dirs, replay);
        w.build(owner);
        vm.refresh();
        w.stage.show();
    }

    private void build(javafx.stage.Window owner) {
        stage.initOwner(owner);
        stage.titleProperty().bind(i18n.text("history.title"));
        TextField query = new TextField();
        query.setId("historySearch");
        query.promptTextProperty().bind(i18n.text("history.searchPrompt"));
        HBox.setHgrow(query, Priority.ALWAYS);
        ToggleButton meaning = new ToggleButton();
        meaning.setId("historyByMeaning");
        meaning.textProperty().bind(i18n.text("history.byMeaning"));
        query.setOnAction(e -> vm.search(query.getText(), meaning.isSelected()));
        meaning.setOnAction(e -> vm.search(query.getText(), meaning.isSelected()));
        query.textProperty().addListener((o, a, b) -> {
            if (b.isBlank()) {
                vm.hits().clear();
            }
        });
        HBox top = new HBox(8, query, meaning);
        top.setPadding(new Insets(8));
        top.setAlignment(Pos.CENTER_LEFT);

        ListView<HistoryViewModel.Row> sessions = new ListView<>(vm.rows());
        sessions.setId("historySessions");
        sessions.setCellFactory(l -> new HistoryCells.SessionCell(i18n));
        sessions.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b instanceof HistoryViewModel.SessionRow r) {
                vm.open(r.session().id(), null);
            }
        });
        ListView<SearchHit> hits = new ListView<>(vm.hits());
        hits.setId("historyHits");
        hits.setCellFactory(l -> new HistoryCells.HitCell(i18n));
        hits.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b.sessionId() != null) {
                vm.open(b.sessionId(), b.seq());
            }
        });
        hits.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.hits()));
        sessions.visibleProperty().bind(hits.visibleProperty().not());
        StackPane left = new StackPane(sessions, hits);

        SplitPane split = new SplitPane(left, detail());
        split.setDividerPositions(0.38);

        BorderPane root = new BorderPane(split);
        root.setTop(top);
        root.setBottom(bottom());
        stage.setScene(new Scene(root, 1000, 640));
        if (owner != null && owner.getScene() != null) {
            stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setOnHidden(e -> {
            undoTimer.stop();
            vm.close();
            db.close();
        });
    }

    private VBox detail() {
        Label header = new Label();
        header.setId("historyHeader");
        header.getStyleClass().add("title-4");
        vm.openSession().addListener((o, a, s) -> header.setText(s == null ? "" : describe(s)));
        Button play = new Button();
        play.setId("historyReplay");
        play.textProperty().bind(i18n.text("history.replay"));
        play.setOnAction(e -> vm.eventsFile(dirs.cache().resolve("history-replay"), replay));
        Button export = new Button();
        export.textProperty().bind(i18n.text("history.export"));
        export.setOnAction(e -> export());
        Button delete = new Button();
        delete.setId("historyDelete");
        delete.textProperty().bind(i18n.text("history.delete"));
        delete.getStyleClass().add("danger");
        delete.setOnAction(e -> confirmDelete());
        for (Button b : new Button[] {play, export, delete}) {
            b.disableProperty().bind(vm.openSession().isNull());
        }
        HBox actions = new HBox(8, play, export, delete);
        ListView<StoredUtterance> list = new ListView<>(vm.utterances());
        list.setId("historyUtterances");
        list.setCellFactory(l -> new HistoryCells.UtteranceCell());
        vm.selectedUtterance().addListener((o, a, i) -> {
            if (i.intValue() >= 0) {
                list.getSelectionModel().select(i.intValue());
                list.scrollTo(Math.max(0, i.intValue() - 2));
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(8, header, actions, list);
        box.setPadding(new Insets(8));
        return box;
    }

    private HBox bottom() {
        CheckBox pause = new CheckBox();
        pause.setId("historyPause");
        pause.textProperty().bind(i18n.text("history.pause"));
        vm.paused().addListener((o, a, b) -> pause.setSelected(b));
        pause.setOnAction(e -> vm.setPaused(pause.isSelected()));
        Label keep = new Label();
        keep.textProperty().bind(i18n.text("history.keepDays"));
        Spinner<Integer> days = new Spinner<>(0, 3650, 0, 1);
        days.setEditable(true);
        days.setPrefWidth(90);
        days.setTooltip(new Tooltip());
        days.getTooltip().textProperty().bind(i18n.text("history.keepDaysHint"));
        vm.retentionDays().addListener((o, a, b) -> days.getValueFactory().setValue(b.intValue()));
        days.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != vm.retentionDays().get()) {
                vm.setRetentionDays(b);
            }
        });
        Button deleteAll = new Button();
        deleteAll.textProperty().bind(i18n.text("history.deleteAll"));
        deleteAll.getStyleClass().add("danger");
        deleteAll.setOnAction(e -> {
            Alert a = new Alert(Alert.AlertType.CONFIRMATION, i18n.get("history.deleteAllConfirm"), ButtonType.CANCEL,
                    ButtonType.OK);
            a.initOwner(stage);
            if (a.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK) {
                vm.deleteAll();
            }
        });
        Label undoText = new Label();
        Button undo = new Button();
        undo.setId("historyUndo");
        undo.textProperty().bind(i18n.text("history.undo"));
        undo.setOnAction(e -> {
            undoTimer.stop();
            vm.undo();
        });
        undoTimer.setOnFinished(e -> vm.commitPendingDelete());
        HBox undoBar = new HBox(6, undoText, undo);
        undoBar.setAlignment(Pos.CENTER_LEFT);
        undoBar.visibleProperty().bind(vm.pendingDelete().isNotNull());
        vm.pendingDelete().addListener((o, a, s) -> {
            if (s != null) {
                undoText.setText(i18n.get("history.deleted", s.id()));
                undoTimer.playFromStart();
            }
        });
        Label error = new Label();
        error.getStyleClass().add("danger");
        error.textProperty().bind(javafx.beans.binding.Bindings.concat(vm.notice(), " ", vm.error()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(10, pause, keep, days, deleteAll, gap, undoBar, error);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        return bar;
    }

    private void confirmDelete() {
        SessionInfo s = vm.openSession().get();
        if (s == null) {
            return;
        }
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, i18n.get("history.deleteConfirm", describe(s)),
                ButtonType.CANCEL, ButtonType.OK);
        a.initOwner(stage);
        if (a.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK) {
            vm.deleteOpen();
        }
    }

    private void export() {
        FileChooser fc = new FileChooser();
        for (HistoryExport.Format f : HistoryExport.Format.values()) {
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(f.name(),
                    "*." + f.name().toLowerCase(Locale.ROOT)));
        }
        fc.setInitialFileName("session-" + vm.openSession().get().id() + ".srt");
        File f = fc.showSaveDialog(stage);
        if (f != null) {
            String name = f.getName().toLowerCase(Locale.ROOT);
            HistoryExport.Format format = HistoryExport.Format.TXT;
            for (HistoryExport.Format x : HistoryExport.Format.values()) {
                if (name.endsWith("." + x.name().toLowerCase(Locale.ROOT))) {
                    format = x;
                }
            }
            vm.export(format, f.toPath(), p -> vm.error().set(""));
        }
    }

    private String describe(SessionInfo s) {
        DateTimeFormatter f = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(i18n.localeProperty().get()).withZone(ZoneId.systemDefault());
        return f.format(s.startedAt()) + " · " + HistoryCells.clock(s.duration()) + " · "
                + i18n.get("history.utterances", s.utterances());
    }
}
