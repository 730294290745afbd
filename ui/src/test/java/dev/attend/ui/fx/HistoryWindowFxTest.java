package dev.attend.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.config.AppDirs;
import dev.attend.event.AsrEvents;
import dev.attend.event.CoreEvents;
import dev.attend.event.TranslationEvent;
import dev.attend.history.HistoryDb;
import dev.attend.history.HistoryRecorder;
import dev.attend.history.HistoryStore;
import dev.attend.ui.AttendServices;
import dev.attend.ui.MainWindow;
import dev.attend.ui.bridge.FxUiTasks;
import dev.attend.ui.settings.SettingsStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The History window opened from the real main window: list, search with highlights, open at a hit, replay, undo. */
@ExtendWith({XvfbExtension.class, ApplicationExtension.class})
class HistoryWindowFxTest {

    @TempDir
    static Path dir;
    private MainWindow window;
    private AppDirs dirs;

    @Start
    void start(Stage stage) {
        dirs = new AppDirs(dir.resolve("config"), dir.resolve("data"), dir.resolve("cache"));
        try (HistoryRecorder r = HistoryRecorder.open(HistoryDb.defaultFile(dirs),
                new HistoryRecorder.SessionMeta("tone", "eng-spa"), e -> { }, msg -> { }, null)) {
            r.emit(new CoreEvents.SessionStart(0, "1.0", List.of(), "fast"));
            r.emit(new AsrEvents.Final(0.5, 1.5, 0, "hello world", 1, List.of(
                    new AsrEvents.Word("hello", 0.5, 0.9, 1), new AsrEvents.Word("world", 1.0, 1.5, 0.8)), List.of()));
            r.emit(new TranslationEvent(0.5, 0, "eng-spa", true, "hello world", "hola mundo", List.of(), 1));
            r.emit(new AsrEvents.Final(2.0, 3.0, 1, "the purple door", 1, List.of(
                    new AsrEvents.Word("the", 2.0, 2.2, 1), new AsrEvents.Word("purple", 2.3, 2.6, 1),
                    new AsrEvents.Word("door", 2.7, 3.0, 1)), List.of()));
            r.emit(new CoreEvents.SessionEnd(3.5, "eof", 3.5, 0, 0, 0, 1));
        }
        window = new MainWindow(stage, new AttendServices(dirs, new WavSessionLauncher(), null, null),
                new SettingsStore(dir.resolve("config/settings.json")), new FxUiTasks());
        stage.setWidth(1440);
        stage.setHeight(900);
        window.show();
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void searchOpensTheSessionAtTheHitAndReplayFillsTheMainWindow(FxRobot robot) throws Exception {
        robot.clickOn("#historyButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup("#historySessions").tryQuery().isPresent()
                        && robot.lookup("#historySessions").queryListView().getItems().size() == 2);
        robot.clickOn("#historySearch").write("purple").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup("#historyHits").queryListView().getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        Text bold = robot.lookup(".history-match").queryAs(Text.class);
        assertThat(bold.getText()).isEqualTo("purple");
        robot.clickOn(bold);
        ListView<?> utterances = robot.lookup("#historyUtterances").queryListView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> utterances.getItems().size() == 2
                && utterances.getSelectionModel().getSelectedIndex() == 1);

        robot.clickOn("#historyReplay");
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> finals(window).size() == 2);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("rows " + window.captions().rowCount() + ", state "
                    + window.session().stateProperty().get() + ", error '" + window.session().errorProperty().get()
                    + "', history: " + robot.lookup(".danger").queryAll().stream()
                    .filter(n -> n instanceof javafx.scene.control.Labeled).map(n -> ((javafx.scene.control.Labeled) n)
                    .getText()).toList(), e);
        }
        assertThat(finals(window)).extracting(u -> u.text())
                .containsExactly("hello world", "the purple door");
        assertThat(window.translation().byUtterance()).hasSize(1);

        robot.clickOn("#historyDelete");
        robot.clickOn(robot.lookup(".button").match(n -> n instanceof Button b && "OK".equals(b.getText()))
                .queryButton());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#historyUndo").query().isVisible());
        robot.clickOn("#historyUndo");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup("#historySessions").queryListView().getItems().size() == 2);
        try (HistoryDb db = HistoryDb.open(HistoryDb.defaultFile(dirs))) {
            assertThat(new HistoryStore(db).sessions()).hasSize(1); // undone: still there
        }
    }

    /** The view-model's finals, read on the FX thread that changes them (reading from the test thread raced a replay). */
    private static java.util.List<dev.attend.ui.transcript.Utterance> finals(MainWindow w) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> w.transcript().finals()).get(5, TimeUnit.SECONDS);
    }
}
