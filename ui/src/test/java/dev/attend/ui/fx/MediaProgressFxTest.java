package dev.attend.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.attend.config.AppDirs;
import dev.attend.event.CoreEvents;
import dev.attend.ui.AttendServices;
import dev.attend.ui.MainWindow;
import dev.attend.ui.bridge.FxUiTasks;
import dev.attend.ui.session.SessionViewModel.State;
import dev.attend.ui.settings.SettingsStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The file progress bar on the real window: duration, position, seek, and the fast mode's progress and ETA. */
@ExtendWith({XvfbExtension.class, ApplicationExtension.class})
class MediaProgressFxTest {

    @TempDir
    Path dir;
    private MainWindow window;

    @AfterEach
    void cleanUp() throws Exception {
        if (window != null) {
            new FxRobot().interact(() -> {
                window.close();
                window.stage().hide();
            });
        }
        FxToolkit.cleanupStages();
    }

    private MainWindow open(FxRobot robot) {
        MainWindow[] w = new MainWindow[1];
        robot.interact(() -> {
            w[0] = new MainWindow(new javafx.stage.Stage(), new AttendServices(new AppDirs(dir.resolve("config"),
                    dir.resolve("data"), dir.resolve("cache")), new WavSessionLauncher(), null, List::of, null,
                    null), new SettingsStore(dir.resolve("config/settings.json")), new FxUiTasks());
            w[0].show();
        });
        window = w[0];
        return w[0];
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Labeled.class).getText();
    }

    @Test
    void aPlayingFileShowsItsDurationAndASeekRestartsItThere(FxRobot robot) throws Exception {
        MainWindow w = open(robot);
        Path wav = WavSessionLauncher.writeTone(dir.resolve("tone.wav"), 6.0);
        List<Double> levelTimes = new CopyOnWriteArrayList<>();
        w.bridge().subscribe(CoreEvents.Level.class, e -> levelTimes.add(e.t()));
        robot.interact(() -> w.viewModel().useMediaFile(wav));
        assertThat(robot.lookup("#mediaProgress").query().isVisible()).as("no bar before a file plays").isFalse();
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> w.viewModel().progress().positionProperty().get() > 0.5);
        assertThat(robot.lookup("#mediaProgress").query().isVisible()).isTrue();
        assertThat(text(robot, "#mediaTime")).endsWith("/ 0:06");
        Slider slider = robot.lookup("#seekSlider").queryAs(Slider.class);
        assertThat(slider.getMax()).isEqualTo(6.0);
        assertThat(slider.isDisabled()).isFalse();

        long t0 = System.nanoTime();
        levelTimes.clear();
        robot.interact(() -> {
            slider.setValueChanging(true);
            slider.setValue(4.5);
            slider.setValueChanging(false); // released: seek
        });
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> w.session().stateProperty().get() == State.IDLE
                && w.session().endReasonProperty().get().equals("eof"));
        double wall = (System.nanoTime() - t0) / 1e9;
        // the new session began at 4.5 s: its first level is there, it ran the last 1.5 s (not 6 s) to the end
        assertThat(levelTimes).isNotEmpty();
        assertThat(levelTimes.get(0)).isCloseTo(4.5, within(0.11));
        assertThat(wall).isLessThan(4.5);
        assertThat(w.viewModel().progress().positionProperty().get()).isEqualTo(6.0);
        assertThat(text(robot, "#mediaTime")).isEqualTo("0:06 / 0:06");
    }

    @Test
    void fastModeShowsProgressAndTimeLeftInsteadOfTheSlider(FxRobot robot) throws Exception {
        MainWindow w = open(robot);
        Path wav = WavSessionLauncher.writeTone(dir.resolve("long.wav"), 120.0);
        robot.interact(() -> {
            w.viewModel().saveSettings(w.settings().withFast(true));
            w.viewModel().useMediaFile(wav);
        });
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> w.viewModel().progress().fastProperty().get());
        assertThat(robot.lookup("#seekSlider").query().isVisible()).isFalse();
        assertThat(robot.lookup("#fastProgress").query().isVisible()).isTrue();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> w.session().endReasonProperty().get().equals("eof"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#fastProgress").queryAs(ProgressBar.class).getProgress()).isEqualTo(1.0);
        assertThat(text(robot, "#fastEta")).isEqualTo("100 %");
    }
}
