package dev.attend.ui.training;

import dev.attend.ui.i18n.I18n;
import java.io.File;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The Training window (Ctrl+Shift+T): a Training tab (data, sizes, start / pause / stop / resume, progress with ETA, four
 * live charts) and a Calibrate tab ({@link CalibrationView}). Charts are JavaFX's own {@link LineChart}s without
 * animation or symbols on the per-step ones, fed through the view-model's thinned series (docs/ui.md says why).
 */
public final class TrainingWindow {

    private final Stage stage = new Stage();
    private final TrainingViewModel vm;
    private final CalibrationViewModel calibration;
    private final I18n i18n;
    private boolean sized;

    public TrainingWindow(Window owner, TrainingViewModel vm, CalibrationViewModel calibration,
                          Supplier<String[]> devices) {
        this.vm = vm;
        this.calibration = calibration;
        this.i18n = vm.i18n();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.titleProperty().bind(i18n.text("training.title"));
        TabPane tabs = new TabPane();
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab train = new Tab();
        train.textProperty().bind(i18n.text("training.tab"));
        train.setContent(trainingPane());
        Tab cal = new Tab();
        cal.textProperty().bind(i18n.text("calibration.tab"));
        cal.setContent(new CalibrationView(calibration, vm, i18n, devices, stage));
        cal.setId("calibrationTab");
        tabs.getTabs().addAll(train, cal);
        Scene scene = new Scene(tabs, 1100, 760);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), stage::close);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), vm::start);
        stage.setScene(scene);
        stage.setMinWidth(760);
        stage.setMinHeight(560);
    }

    public TrainingViewModel training() {
        return vm;
    }

    public CalibrationViewModel calibration() {
        return calibration;
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        if (!stage.isShowing() && !sized) {
            sized = true;
            var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
            double w = Math.min(1200, screen.getWidth() * 0.92);
            double h = Math.min(820, screen.getHeight() * 0.92);
            dev.attend.ui.shell.WindowSize.hold(stage, w, h);
            // openbox may still map it at its minimum size: apply the first size once more when it came out smaller
            javafx.animation.PauseTransition again = new javafx.animation.PauseTransition(javafx.util.Duration.millis(300));
            again.setOnFinished(e -> {
                if (stage.getWidth() < w - 1 || stage.getHeight() < h - 1) {
                    stage.setWidth(w);
                    stage.setHeight(h);
                }
            });
            stage.setOnShown(e -> again.playFromStart());
        }
        stage.show();
        stage.toFront();
    }

    private BorderPane trainingPane() {
        ToggleGroup data = new ToggleGroup();
        RadioButton generate = new RadioButton();
        generate.textProperty().bind(i18n.text("training.generate"));
        generate.setToggleGroup(data);
        generate.setSelected(true);
        RadioButton folder = new RadioButton();
        folder.textProperty().bind(i18n.text("training.folder"));
        folder.setToggleGroup(data);
        Spinner<Integer> utterances = intSpinner(8, 5000, vm.settings().utterancesProperty(), 8);
        utterances.setId("trainUtterances");
        TextField voices = new TextField();
        voices.setId("trainVoices");
        voices.textProperty().bindBidirectional(vm.settings().voicesProperty());
        HBox.setHgrow(voices, Priority.ALWAYS);
        Button choose = new Button();
        choose.textProperty().bind(i18n.text("training.chooseFolder"));
        Label folderLabel = new Label();
        folderLabel.textProperty().bind(Bindings.createStringBinding(() -> vm.settings().dataFolderProperty().get() == null
                ? "" : vm.settings().dataFolderProperty().get().toString(), vm.settings().dataFolderProperty()));
        choose.setOnAction(e -> {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle(i18n.get("training.chooseFolder"));
            File f = dc.showDialog(stage);
            if (f != null) {
                vm.settings().dataFolderProperty().set(f.toPath());
                folder.setSelected(true);
            }
        });
        data.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == generate) {
                vm.settings().dataFolderProperty().set(null);
            }
        });
        Spinner<Integer> pre = intSpinner(0, 100, vm.settings().pretrainEpochsProperty(), 1);
        pre.setId("trainPretrain");
        Spinner<Integer> epochs = intSpinner(1, 10000, vm.settings().epochsProperty(), 1);
        epochs.setId("trainEpochs");
        ComboBox<Integer> width = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(16, 32, 64, 128));
        width.setId("trainWidth");
        width.setValue(vm.settings().widthProperty().get());
        width.valueProperty().addListener((o, a, b) -> vm.settings().widthProperty().set(b));
        vm.settings().widthProperty().addListener((o, a, b) -> width.setValue(b.intValue()));
        Spinner<Integer> batch = intSpinner(2, 64, vm.settings().batchProperty(), 1);
        batch.setId("trainBatch");
        TextField lr = new TextField(Double.toString(vm.settings().learningRateProperty().get()));
        lr.setId("trainLr");
        lr.setPrefColumnCount(7);
        lr.textProperty().addListener((o, a, b) -> {
            try {
                vm.settings().learningRateProperty().set(Double.parseDouble(b.trim()));
            } catch (NumberFormatException e) {
                vm.settings().learningRateProperty().set(-1); // the request then says what is wrong
            }
        });

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, generate, utterances, label("training.voices"), voices);
        form.addRow(1, folder, choose, folderLabel);
        GridPane.setColumnSpan(folderLabel, 2);
        HBox sizes = new HBox(8, label("training.pretrainEpochs"), pre, label("training.epochs"), epochs,
                label("training.width"), width, label("training.batch"), batch, label("training.lr"), lr);
        sizes.setAlignment(Pos.CENTER_LEFT);

        Button start = button("training.start", "trainStart", vm::start);
        Button pause = button("training.pause", "trainPause", vm::togglePause);
        pause.textProperty().unbind();
        pause.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(
                vm.stateProperty().get() == TrainingViewModel.State.PAUSED ? "training.continue" : "training.pause"),
                vm.stateProperty(), i18n.localeProperty()));
        Button stop = button("training.stop", "trainStop", vm::stop);
        Button resume = button("training.resume", "trainResume", vm::resumeRun);
        var active = Bindings.createBooleanBinding(vm::isActive, vm.stateProperty());
        start.disableProperty().bind(active);
        pause.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.stateProperty().get() != TrainingViewModel.State.RUNNING
                && vm.stateProperty().get() != TrainingViewModel.State.PAUSED, vm.stateProperty()));
        stop.disableProperty().bind(active.not());
        resume.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.canResume(), vm.stateProperty()));
        ProgressBar progress = new ProgressBar();
        progress.setId("trainProgress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.setPrefWidth(220);
        Label status = new Label();
        status.setId("trainStatus");
        status.textProperty().bind(vm.statusProperty());
        HBox controls = new HBox(8, start, pause, stop, resume, progress, status);
        controls.setAlignment(Pos.CENTER_LEFT);

        GridPane charts = new GridPane();
        charts.setHgap(6);
        charts.setVgap(6);
        charts.add(chart("training.chart.total", "chartTotal", vm.charts().total(), false), 0, 0);
        charts.add(chart("training.chart.losses", "chartLosses", vm.charts().losses(), false), 1, 0);
        charts.add(chart("training.chart.weights", "chartWeights", vm.charts().weights(), false), 0, 1);
        charts.add(chart("training.chart.metrics", "chartMetrics", vm.charts().metrics(), true), 1, 1);
        for (int i = 0; i < 2; i++) {
            var c = new javafx.scene.layout.ColumnConstraints();
            c.setPercentWidth(50);
            charts.getColumnConstraints().add(c);
            var r = new javafx.scene.layout.RowConstraints();
            r.setPercentHeight(50);
            charts.getRowConstraints().add(r);
        }
        VBox top = new VBox(8, form, sizes, controls);
        top.setPadding(new Insets(10));
        BorderPane root = new BorderPane(charts);
        root.setTop(top);
        BorderPane.setMargin(charts, new Insets(0, 8, 8, 8));
        return root;
    }

    private LineChart<Number, Number> chart(String title, String id, ObservableList<XYChart.Series<Number, Number>> data,
                                            boolean perEpoch) {
        NumberAxis x = new NumberAxis();
        x.labelProperty().bind(i18n.text(perEpoch ? "training.axis.epoch" : "training.axis.step"));
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(false);
        LineChart<Number, Number> c = new LineChart<>(x, y, data);
        c.setId(id);
        c.titleProperty().bind(i18n.text(title));
        // no animation, not even the axes' (each step moves their range, and an animated axis re-lays out its ticks
        // on every pulse for most of a second)
        c.setAnimated(false);
        x.setAnimated(false);
        y.setAnimated(false);
        c.setCreateSymbols(perEpoch);
        c.setMinSize(200, 150);
        return c;
    }

    private Label label(String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.text(key));
        return l;
    }

    private Button button(String key, String id, Runnable action) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(i18n.text(key));
        b.setOnAction(e -> action.run());
        return b;
    }

    /** A spinner kept in step with a view-model property both ways. */
    static Spinner<Integer> intSpinner(int min, int max, javafx.beans.property.IntegerProperty p, int step) {
        Spinner<Integer> s = new Spinner<>(min, max, p.get(), step);
        s.setEditable(true);
        s.setPrefWidth(90);
        s.valueProperty().addListener((o, a, b) -> p.set(b));
        p.addListener((o, a, b) -> s.getValueFactory().setValue(b.intValue()));
        return s;
    }
}
