package dev.attend.ui.training;

import dev.attend.training.CalibrationPrompt;
import dev.attend.ui.i18n.I18n;
import java.io.File;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The Calibrate tab: what to do, the prompts with the one to read now, record, progress, before/after, reset. */
final class CalibrationView extends VBox {

    /**
     * @param devices the microphone and camera chosen in the settings ({mic, camera})
     */
    CalibrationView(CalibrationViewModel vm, TrainingViewModel training, I18n i18n, Supplier<String[]> devices,
                    Window owner) {
        super(10);
        setPadding(new Insets(12));
        Label intro = new Label();
        intro.setWrapText(true);
        intro.textProperty().bind(i18n.text("calibration.intro", vm.prompts().size(),
                Math.round(vm.prompts().size() * CalibrationPrompt.SLOT_SECONDS)));

        Label now = new Label();
        now.setId("calibrationPrompt");
        now.setStyle("-fx-font-size: 22px; -fx-font-weight: bold;");
        now.textProperty().bind(Bindings.createStringBinding(() -> {
            int i = vm.promptProperty().get();
            return i < 0 ? "" : (i + 1) + " / " + vm.prompts().size() + "   “" + vm.prompts().get(i).text() + "”";
        }, vm.promptProperty()));
        ProgressBar slot = new ProgressBar();
        slot.progressProperty().bind(vm.slotProperty());
        slot.visibleProperty().bind(vm.recordingProperty());
        slot.setMaxWidth(Double.MAX_VALUE);

        ListView<CalibrationPrompt> list = new ListView<>(javafx.collections.FXCollections.observableArrayList(vm.prompts()));
        list.setPrefHeight(180);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(CalibrationPrompt p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : (getIndex() + 1) + ". " + p.text() + "   (" + p.intent() + ")");
                setStyle(!empty && getIndex() == vm.promptProperty().get() ? "-fx-font-weight: bold;" : "");
            }
        });
        vm.promptProperty().addListener((o, a, b) -> {
            list.refresh();
            if (b.intValue() >= 0) {
                list.scrollTo(b.intValue());
            }
        });

        Button live = new Button();
        live.setId("calibrationRecord");
        live.textProperty().bind(i18n.text("calibration.record"));
        live.setOnAction(e -> {
            String[] d = devices.get();
            vm.recordLive(d[0], d[1]);
        });
        Button files = new Button();
        files.setId("calibrationFiles");
        files.textProperty().bind(i18n.text("calibration.files"));
        files.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle(i18n.get("calibration.chooseAudio"));
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("WAV", "*.wav"));
            File audio = fc.showOpenDialog(owner);
            if (audio == null) {
                return;
            }
            fc.setTitle(i18n.get("calibration.chooseVideo"));
            fc.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("Video", "*.mkv", "*.mp4", "*.webm", "*.avi"));
            File video = fc.showOpenDialog(owner);
            vm.recordFiles(audio.toPath(), video == null ? null : video.toPath());
        });
        Button finish = new Button();
        finish.textProperty().bind(i18n.text("calibration.finish"));
        finish.setOnAction(e -> vm.finishRecording());
        finish.disableProperty().bind(vm.recordingProperty().not());
        Button cancel = new Button();
        cancel.textProperty().bind(i18n.text("calibration.cancel"));
        cancel.setOnAction(e -> vm.cancelRecording());
        cancel.disableProperty().bind(vm.recordingProperty().not());
        Button stop = new Button();
        stop.textProperty().bind(i18n.text("training.stop"));
        stop.setOnAction(e -> training.stop());
        var busy = Bindings.createBooleanBinding(training::isActive, training.stateProperty());
        stop.disableProperty().bind(busy.not());
        live.disableProperty().bind(vm.recordingProperty().or(busy));
        files.disableProperty().bind(vm.recordingProperty().or(busy));
        Button reset = new Button();
        reset.setId("calibrationReset");
        reset.textProperty().bind(i18n.text("calibration.reset"));
        reset.setOnAction(e -> vm.reset());
        reset.disableProperty().bind(vm.calibratedProperty().not().or(busy));
        Button keep = new Button();
        keep.setId("calibrationKeep");
        keep.textProperty().bind(i18n.text("calibration.keepAnyway"));
        keep.setOnAction(e -> vm.keepAnyway());
        keep.visibleProperty().bind(vm.candidateProperty());
        keep.managedProperty().bind(keep.visibleProperty());
        keep.disableProperty().bind(busy);
        HBox buttons = new HBox(8, live, files, finish, cancel, stop, reset, keep);
        buttons.setAlignment(Pos.CENTER_LEFT);

        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(training.progressProperty());
        progress.setPrefWidth(220);
        Label trainStatus = new Label();
        trainStatus.textProperty().bind(training.statusProperty());
        HBox run = new HBox(8, progress, trainStatus);
        run.setAlignment(Pos.CENTER_LEFT);
        Label status = new Label();
        status.setId("calibrationStatus");
        status.textProperty().bind(vm.statusProperty());

        TableView<CalibrationViewModel.MetricRow> table = new TableView<>(vm.results());
        table.setId("calibrationResults");
        TableColumn<CalibrationViewModel.MetricRow, String> metric = new TableColumn<>();
        metric.textProperty().bind(i18n.text("calibration.metric"));
        metric.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(
                i18n.get("training.series.metric." + c.getValue().metric())));
        TableColumn<CalibrationViewModel.MetricRow, String> before = new TableColumn<>();
        before.textProperty().bind(i18n.text("calibration.before"));
        before.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(fmt(c.getValue().before())));
        TableColumn<CalibrationViewModel.MetricRow, String> after = new TableColumn<>();
        after.textProperty().bind(i18n.text("calibration.after"));
        after.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(fmt(c.getValue().after())));
        metric.setPrefWidth(320);
        before.setPrefWidth(120);
        after.setPrefWidth(120);
        table.getColumns().add(metric);
        table.getColumns().add(before);
        table.getColumns().add(after);
        table.setPrefHeight(200);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(intro, buttons, now, slot, list, run, status, table);
    }

    static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "—";
    }
}
