package dev.attend.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.concurrent.ThreadPoolTaskExecutor;
import dev.attend.config.AppDirs;
import dev.attend.fusion.workbench.CalibrationClip;
import dev.attend.fusion.workbench.FusionTrainingService;
import dev.attend.ui.AttendServices;
import dev.attend.ui.MainWindow;
import dev.attend.ui.bridge.FxUiTasks;
import dev.attend.ui.settings.SettingsStore;
import dev.attend.ui.training.CalibrationViewModel;
import dev.attend.ui.training.TrainingViewModel;
import dev.attend.ui.training.TrainingWindow;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Training window opened from the real main window (Ctrl+Shift+T) over the real fusion trainer: a tiny generated run
 * draws a falling fine-tuning curve and stops on Stop; calibration on a synthetic recording (espeak-ng prompts in
 * their slots, a talking-face video) completes and shows its before/after table.
 */
@ExtendWith({XvfbExtension.class, ApplicationExtension.class})
class TrainingWindowFxTest {

    static final ThreadPoolTaskExecutor JOBS = new ThreadPoolTaskExecutor("train-test", 1);
    @TempDir
    static Path dir;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        AppDirs dirs = new AppDirs(dir.resolve("config"), dir.resolve("data"), dir.resolve("cache"));
        window = new MainWindow(stage, new AttendServices(dirs, new WavSessionLauncher(), null, null, null, null,
                new FusionTrainingService(JOBS, dirs.data(), 1), null),
                new SettingsStore(dir.resolve("config/settings.json")), new FxUiTasks());
        stage.setWidth(1440);
        stage.setHeight(900);
        window.show();
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    @AfterAll
    static void down() {
        JOBS.shutdown();
    }

    private TrainingWindow open(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).press(KeyCode.T).release(KeyCode.T).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#trainStart").tryQuery().isPresent());
        return window.dialogs().trainingWindow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aShortRunDrawsAFallingLossCurveAndStops(FxRobot robot) throws Exception {
        TrainingWindow tw = open(robot);
        robot.interact(() -> {
            ((Spinner<Integer>) robot.lookup("#trainUtterances").query()).getValueFactory().setValue(8);
            robot.lookup("#trainVoices").queryAs(TextField.class).setText("en-us+m1, en-gb+f1");
            ((Spinner<Integer>) robot.lookup("#trainPretrain").query()).getValueFactory().setValue(1);
            ((Spinner<Integer>) robot.lookup("#trainEpochs").query()).getValueFactory().setValue(300);
            ((ComboBox<Integer>) robot.lookup("#trainWidth").query()).setValue(16);
            ((Spinner<Integer>) robot.lookup("#trainBatch").query()).getValueFactory().setValue(4);
            robot.lookup("#trainLr").queryAs(TextField.class).setText("0.003");
        });
        robot.clickOn("#trainStart");
        TrainingViewModel vm = tw.training();
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> vm.charts().values("total.finetune").size() >= 24
                || vm.stateProperty().get() == TrainingViewModel.State.FAILED);
        assertThat(vm.stateProperty().get()).as(vm.statusProperty().get()).isEqualTo(TrainingViewModel.State.RUNNING);
        List<Double> total = vm.charts().values("total.finetune");
        assertThat(mean(total.subList(total.size() - 6, total.size()))).isLessThan(mean(total.subList(0, 6)));
        LineChart<Number, Number> chart = robot.lookup("#chartTotal").query();
        assertThat(chart.getData()).extracting(s -> s.getNode() != null).containsOnly(true); // series drawn
        assertThat(robot.lookup("#trainStatus").queryAs(Label.class).getText()).contains("ETA");
        robot.clickOn("#trainStop");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.stateProperty().get() == TrainingViewModel.State.STOPPED);
        int points = vm.charts().values("total.finetune").size();
        Thread.sleep(1000);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.charts().values("total.finetune")).hasSize(points);
        assertThat(robot.lookup("#trainResume").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(robot.lookup("#trainStart").queryAs(Button.class).isDisabled()).isFalse();
    }

    @Test
    void calibrationOnARecordingShowsBeforeAndAfter(FxRobot robot) throws Exception {
        Path wav = dir.resolve("calibration.wav");
        Path mkv = dir.resolve("calibration.mkv");
        CalibrationClip.write(wav, mkv, CalibrationClip.prompts(6), "en-us+m3", "skimage:astronaut.png");
        TrainingWindow tw = open(robot);
        robot.interact(() -> ((javafx.scene.control.TabPane) tw.stage().getScene().getRoot()).getSelectionModel().select(1));
        CalibrationViewModel cal = tw.calibration();
        assertThat(robot.lookup("#calibrationStatus").queryAs(Label.class).getText())
                .isEqualTo("Live fusion uses the shipped model");
        Platform.runLater(() -> cal.recordFiles(wav, mkv)); // what "Use recording files…" does after its choosers
        TableView<CalibrationViewModel.MetricRow> table = robot.lookup("#calibrationResults").query();
        Label status = robot.lookup("#calibrationStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> status.getText().startsWith("Calibrated")
                || status.getText().startsWith("The calibrated model measured worse")
                || status.getText().startsWith("Calibration failed"));
        WaitForAsyncUtils.waitForFxEvents();
        Button keep = robot.lookup("#calibrationKeep").queryButton();
        if (status.getText().startsWith("The calibrated model measured worse")) {
            // never worse off by itself: the model in use stays, the user may choose the new one with the numbers
            assertThat(FusionTrainingService.userCheckpoint(dir.resolve("data"))).isEmpty();
            assertThat(keep.isVisible()).isTrue();
            robot.clickOn("#calibrationKeep");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.getText().startsWith("Calibrated"));
        }
        assertThat(keep.isVisible()).isFalse();
        assertThat(robot.lookup("#calibrationStatus").queryAs(Label.class).getText())
                .isEqualTo("Calibrated model saved: live fusion now uses it");
        assertThat(table.getItems()).extracting(CalibrationViewModel.MetricRow::metric).contains("avSyncAccuracy");
        StringBuilder report = new StringBuilder("metric\tbefore\tafter\n");
        table.getItems().forEach(r -> report.append(r.metric()).append('\t').append(r.before()).append('\t')
                .append(r.after()).append('\n'));
        java.nio.file.Files.writeString(Path.of("target", "calibration-before-after.txt"), report);
        for (CalibrationViewModel.MetricRow r : table.getItems()) {
            assertThat(r.before()).isBetween(0.0, 1.0);
            assertThat(r.after()).isBetween(0.0, 1.0);
        }
        assertThat(robot.lookup("#calibrationResults .table-cell").queryAll()).isNotEmpty();
        // a real fine-tune: "after" is measured with the saved user weights, so the continuous sync confidence on
        // the held-back prompts moves (it read the same to four decimals while the trainer saved the start weights;
        // on this 6-prompt synthetic recording it moved 0.6689 → 0.6659, i.e. 2 held-back prompts are too few to
        // promise it rises), and the saved parameters are not the shipped ones
        CalibrationViewModel.MetricRow conf = table.getItems().stream()
                .filter(r -> r.metric().equals("avSyncConfidence")).findFirst().orElseThrow();
        assertThat(conf.after()).isNotEqualTo(conf.before());
        assertThat(FusionTrainingService.userCheckpoint(dir.resolve("data"))).isPresent();
        Path user = FusionTrainingService.userCheckpoint(dir.resolve("data")).orElseThrow();
        try (var shipped = dev.attend.fusion.live.BundledFusionModel.load();
             var tuned = dev.attend.fusion.model.FusionModel.load(user)) {
            assertThat(tuned.parameterCount()).isEqualTo(shipped.parameterCount());
        }
        assertThat(java.nio.file.Files.readAllBytes(user.resolve(dev.attend.fusion.model.FusionModel.PARAMS_FILE)))
                .isNotEqualTo(bundledParams());
        robot.clickOn("#calibrationReset");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> FusionTrainingService.userCheckpoint(dir.resolve("data")).isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#calibrationStatus").queryAs(Label.class).getText())
                .isEqualTo("Live fusion uses the shipped model");
    }

    private static byte[] bundledParams() throws java.io.IOException {
        try (var in = dev.attend.fusion.live.BundledFusionModel.class.getResourceAsStream(
                dev.attend.fusion.live.BundledFusionModel.DIR + dev.attend.fusion.model.FusionModel.PARAMS_FILE)) {
            return in.readAllBytes();
        }
    }

    private static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
