package dev.attend.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.attend.config.AppDirs;
import dev.attend.event.EventSink;
import dev.attend.media.AudioChunk;
import dev.attend.media.VideoFrame;
import dev.attend.pipeline.Stage;
import dev.attend.pipeline.StageContext;
import dev.attend.ui.AttendServices;
import dev.attend.ui.MainWindow;
import dev.attend.ui.bridge.FxUiTasks;
import dev.attend.ui.session.RunningSession;
import dev.attend.ui.session.SessionLauncher;
import dev.attend.ui.session.SessionRequest;
import dev.attend.ui.session.SessionViewModel.State;
import dev.attend.ui.settings.Settings;
import dev.attend.ui.settings.SettingsStore;
import dev.attend.ui.shell.Notifications;
import dev.attend.ui.shell.WindowPlacement;
import dev.attend.ui.translation.TextTranslation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.stage.Screen;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The defects a new user met on a real desktop (issue 15), each on the real window, with the window manager the
 * test display has (see {@link XvfbExtension}; openbox when installed).
 */
@ExtendWith({XvfbExtension.class, ApplicationExtension.class})
class DesktopDefectsFxTest {

    @TempDir
    Path dir;
    private MainWindow window;

    @BeforeAll
    static void noAutostart() {
        System.setProperty("attend.demo.autostart", "false");
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (window != null) {
            FxRobot r = new FxRobot();
            r.interact(() -> {
                window.close();
                window.stage().hide();
            });
        }
        FxToolkit.cleanupStages();
    }

    private MainWindow open(FxRobot robot, SessionLauncher launcher, TextTranslation text) {
        MainWindow[] w = new MainWindow[1];
        robot.interact(() -> {
            w[0] = new MainWindow(new javafx.stage.Stage(), new AttendServices(new AppDirs(dir.resolve("config"),
                    dir.resolve("data"), dir.resolve("cache")), launcher, null, () -> List.of("eng-spa"), null, text),
                    new SettingsStore(dir.resolve("config/settings.json")), new FxUiTasks());
            w[0].show();
        });
        window = w[0];
        return w[0];
    }

    private static void waitFor(Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, c);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Labeled.class).getText();
    }

    /** Defect 1: a sensible first size (not ~200 × 200 under a window manager), then the saved size. */
    @Test
    void windowOpensAtASensibleSizeAndRestoresTheSavedOne(FxRobot robot) throws Exception {
        MainWindow w = open(robot, new WavSessionLauncher(), null);
        var screen = Screen.getPrimary().getVisualBounds();
        WindowPlacement.Bounds want = WindowPlacement.place(Settings.defaults().window(), screen);
        waitFor(() -> Math.abs(w.stage().getWidth() - want.width()) < 2
                && Math.abs(w.stage().getHeight() - want.height()) < 2);
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS); // a window manager that resizes late would do it now
        assertThat(w.stage().getWidth()).as("first-start width (wm: %s)", XvfbExtension.windowManager())
                .isCloseTo(Math.min(screen.getWidth(), Math.max(1280, screen.getWidth() * 0.8)), within(2.0));
        assertThat(w.stage().getHeight()).isCloseTo(want.height(), within(2.0));
        assertThat(robot.lookup("#settingsButton").query().isVisible()).isTrue();

        robot.interact(() -> {
            w.stage().setX(60);
            w.stage().setY(40);
            w.stage().setWidth(1100);
            w.stage().setHeight(720);
        });
        waitFor(() -> Math.abs(w.stage().getWidth() - 1100) < 2);
        robot.interact(() -> {
            w.close();
            w.stage().hide();
        });
        window = null;
        MainWindow again = open(robot, new WavSessionLauncher(), null);
        waitFor(() -> Math.abs(again.stage().getWidth() - 1100) < 2 && Math.abs(again.stage().getHeight() - 720) < 2);
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        assertThat(again.stage().getWidth()).isCloseTo(1100, within(2.0));
        assertThat(again.stage().getHeight()).isCloseTo(720, within(2.0));
    }

    /** Defect 2: a file that is not media shows its error in the notice bar; the old session's views are reset. */
    @Test
    void aBadMediaFileShowsItsErrorAndResetsTheViews(FxRobot robot) throws Exception {
        MainWindow w = open(robot, new WavSessionLauncher(), null);
        Path events = SampleEvents.writeJsonl(dir, SampleEvents.session());
        robot.interact(() -> w.session().replay(events, false));
        waitFor(() -> w.captions().rowCount() == 2 && w.session().stateProperty().get() == State.IDLE);
        Path notMedia = Files.writeString(dir.resolve("notes.wav"), "this is not audio");
        robot.interact(() -> w.viewModel().useMediaFile(notMedia));
        robot.interact(() -> w.viewModel().setUi(new AlwaysYes()));
        robot.clickOn("#startButton");

        waitFor(() -> robot.lookup("#notificationBar").query().isVisible());
        Notifications.Notice n = w.viewModel().notices().current();
        assertThat(n.level()).isEqualTo(Notifications.Level.ERROR);
        assertThat(text(robot, "#notificationText")).contains("notes.wav");
        assertThat(w.captions().rowCount()).isZero(); // the confirmed new session cleared the old rows
        assertThat(w.viewModel().media().facesProperty().get()).isNull();
        assertThat(text(robot, "#statusSession")).isEqualTo("Session: idle — could not start");
    }

    /** Defect 3: pausing a file stops its media time; it resumes where it was. */
    @Test
    void pauseStopsTheFilesMediaTime(FxRobot robot) throws Exception {
        MainWindow w = open(robot, new WavSessionLauncher(), null);
        Path wav = WavSessionLauncher.writeTone(dir.resolve("tone.wav"), 2.0);
        robot.interact(() -> w.viewModel().useMediaFile(wav));
        long t0 = System.nanoTime();
        robot.clickOn("#startButton");
        waitFor(() -> w.session().stateProperty().get() == State.RUNNING);
        WaitForAsyncUtils.sleep(600, TimeUnit.MILLISECONDS);
        robot.interact(() -> w.session().togglePause());
        WaitForAsyncUtils.sleep(2000, TimeUnit.MILLISECONDS);
        assertThat(w.session().stateProperty().get()).isEqualTo(State.PAUSED);
        robot.interact(() -> w.session().togglePause());
        waitFor(() -> w.session().stateProperty().get() == State.IDLE);
        double wall = (System.nanoTime() - t0) / 1e9;
        // 2 s of media + 2 s paused; before the fix the file ran on while paused and ended after ~2 s
        assertThat(wall).isGreaterThan(3.8);
        assertThat(w.session().endReasonProperty().get()).isEqualTo("eof");
        assertThat(w.audioStrip().columnsSeen()).isBetween(195, 200); // nothing of the file was lost either
    }

    /** Defect 4: "Microphone + camera" without devices asks instead of silently playing the demo. */
    @Test
    void noDevicesOffersTheDemoOrAFile(FxRobot robot) throws Exception {
        RecordingLauncher launcher = new RecordingLauncher();
        MainWindow w = open(robot, launcher, null);
        robot.interact(() -> {
            w.viewModel().setHasDevices(() -> false);
            w.session().sourceProperty().set(SessionRequest.Source.DEVICES);
        });
        robot.clickOn("#startButton");
        waitFor(() -> robot.lookup("#notificationBar").query().isVisible());
        assertThat(text(robot, "#notificationText")).startsWith("No microphone or camera was found");
        assertThat(launcher.requests).isEmpty();
        assertThat(w.session().stateProperty().get()).isEqualTo(State.IDLE);
        robot.clickOn(robot.lookup("#notificationBar .button").match(b -> "Play the demo clip".equals(
                ((Button) b).getText())).queryButton());
        waitFor(() -> launcher.requests.size() == 1);
        assertThat(launcher.requests.get(0).source()).isEqualTo(SessionRequest.Source.DEMO);
    }

    /** Defect 5: a new session asks before it clears earlier work; Cancel keeps everything. */
    @Test
    void aNewSessionAsksBeforeClearingEarlierWork(FxRobot robot) throws Exception {
        MainWindow w = open(robot, new WavSessionLauncher(), null);
        Path events = SampleEvents.writeJsonl(dir, SampleEvents.session());
        robot.interact(() -> w.session().replay(events, false));
        waitFor(() -> w.captions().rowCount() == 2 && w.session().stateProperty().get() == State.IDLE);
        Path wav = WavSessionLauncher.writeTone(dir.resolve("tone.wav"), 0.5);
        robot.interact(() -> w.viewModel().useMediaFile(wav));

        robot.clickOn("#startButton");
        waitFor(() -> robot.lookup("#confirmDialog").tryQuery().isPresent());
        assertThat(robot.lookup("#confirmDialog").queryAs(javafx.scene.control.DialogPane.class).getContentText())
                .contains("2 rows");
        robot.clickOn(robot.lookup("#confirmDialog .button").match(b -> "Cancel".equals(((Button) b).getText()))
                .queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(w.captions().rowCount()).isEqualTo(2);
        assertThat(w.session().stateProperty().get()).isEqualTo(State.IDLE);

        robot.clickOn("#startButton");
        waitFor(() -> robot.lookup("#confirmDialog").tryQuery().isPresent());
        robot.clickOn(robot.lookup("#confirmDialog .button").match(b -> "Clear and start".equals(
                ((Button) b).getText())).queryButton());
        waitFor(() -> w.captions().rowCount() == 0 && w.session().endReasonProperty().get().equals("eof"));
        // the lab's pickers come back for the next pass (they stayed blank before)
        robot.interact(() -> w.bridge().accept(SampleEvents.attention(7, 0, 0)));
        waitFor(() -> w.attention().current() != null);
        assertThat(robot.lookup("#attnLayer").queryComboBox().getValue()).isEqualTo(0);
    }

    /** Defect 6: Stop answers at once and frees the controls within a second, even with a stage that lags. */
    @Test
    void stopAnswersAtOnceEvenWithASlowStage(FxRobot robot) throws Exception {
        MainWindow w = open(robot, new SlowLauncher(), null);
        robot.interact(() -> w.session().sourceProperty().set(SessionRequest.Source.DEMO));
        robot.clickOn("#startButton");
        waitFor(() -> w.session().stateProperty().get() == State.RUNNING);
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        long[] stopping = new long[1];
        robot.interact(() -> w.session().stateProperty().addListener((o, a, b) -> {
            if (b == State.STOPPING) {
                stopping[0] = System.nanoTime(); // the click's effect (the robot's mouse move takes its own time)
            }
        }));
        robot.clickOn("#stopButton");
        assertThat(w.session().stateProperty().get()).isIn(State.STOPPING, State.IDLE);
        assertThat(text(robot, "#statusSession")).isIn("Session: stopping…", "Session: idle — stopped");
        waitFor(() -> w.session().stateProperty().get() == State.IDLE);
        assertThat(stopping[0]).isPositive();
        assertThat((System.nanoTime() - stopping[0]) / 1e9).isLessThan(1.5);
        assertThat(text(robot, "#statusSession")).isEqualTo("Session: idle — stopped");
        assertThat(robot.lookup("#startButton").queryButton().isDisabled()).isFalse();
    }

    /** Defect 9: typed rows go below the session's rows, the field is cleared, and the export has them. */
    @Test
    void typedRowsFollowTheSessionsRowsAndAreExported(FxRobot robot) throws Exception {
        TextTranslation echo = (pair, text, utterance, events) -> events.emit(new dev.attend.event
                .TranslationEvent(0, utterance, pair, true, text, text.toUpperCase(java.util.Locale.ROOT), List.of(),
                1.0));
        MainWindow w = open(robot, new WavSessionLauncher(), echo);
        Path events = SampleEvents.writeJsonl(dir, SampleEvents.session());
        robot.interact(() -> w.session().replay(events, false));
        waitFor(() -> w.captions().rowCount() == 2 && w.session().stateProperty().get() == State.IDLE);
        robot.interact(() -> w.translation().selectedPairProperty().set("eng-spa"));
        robot.clickOn("#translateField").write("first typed");
        robot.type(javafx.scene.input.KeyCode.ENTER);
        robot.write("second typed").type(javafx.scene.input.KeyCode.ENTER);
        waitFor(() -> w.captions().rowCount() == 4 && w.translation().byUtterance().size() == 4);
        assertThat(robot.lookup("#translateField").queryTextInputControl().getText()).isEmpty();
        assertThat(w.transcript().utterances()).extracting(u -> u.text())
                .containsExactly("hello world", "what time is it", "first typed", "second typed");
        Path txt = dir.resolve("out.txt");
        robot.interact(() -> w.exportTo(txt));
        waitFor(() -> Files.exists(txt) && w.viewModel().notices().current() != null);
        assertThat(txt).content().isEqualTo("hello world\n  hola mundo\nwhat time is it\n  qué hora es\n"
                + "first typed\n  FIRST TYPED\nsecond typed\n  SECOND TYPED\n");
        assertThat(text(robot, "#notificationText")).isEqualTo("Exported 4 rows to out.txt.");
    }

    /** Defects 10 and 12: one session state (no "idle running"); an empty export writes nothing and says so. */
    @Test
    void statusNeverContradictsItselfAndAnEmptyExportSaysSo(FxRobot robot) throws Exception {
        MainWindow w = open(robot, new WavSessionLauncher(), null);
        // a replay without session.end, stopped by hand
        Path events = SampleEvents.writeJsonl(dir, SampleEvents.session().subList(0, 6));
        robot.interact(() -> w.session().replay(events, true));
        waitFor(() -> w.captions().rowCount() == 1);
        assertThat(robot.lookup("#modelBanner").query().isVisible()).isFalse(); // captions are showing
        robot.clickOn("#stopButton");
        waitFor(() -> w.session().stateProperty().get() == State.IDLE);
        assertThat(text(robot, "#statusSession")).isEqualTo("Session: idle — stopped");
        robot.interact(() -> w.bridge().accept(SampleEvents.tree(new dev.attend.event.CoreEvents.Drop(1, "vad",
                "audio", 29, 29))));
        robot.interact(() -> w.bridge().accept(SampleEvents.tree(new dev.attend.event.CoreEvents.Drop(1, "faces",
                "video", 54, 54))));
        waitFor(() -> text(robot, "#statusDrops").equals("Drops: audio 29 · video 54"));

        robot.clickOn("#clearTranscript");
        Path out = dir.resolve("empty.srt");
        robot.interact(() -> w.exportTo(out));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(out).doesNotExist();
        assertThat(text(robot, "#notificationText")).isEqualTo("Nothing to export yet: the transcript is empty.");
    }

    /** Defect 13: on first start without devices the demo plays by itself, with a one-line welcome. */
    @Test
    void firstStartWithoutDevicesPlaysTheDemoWithAWelcome(FxRobot robot) throws Exception {
        RecordingLauncher launcher = new RecordingLauncher();
        System.setProperty("attend.demo.autostart", "true");
        try {
            MainWindow[] w = new MainWindow[1];
            robot.interact(() -> {
                w[0] = new MainWindow(new javafx.stage.Stage(), new AttendServices(new AppDirs(dir.resolve("c2"),
                        dir.resolve("d2"), dir.resolve("k2")), launcher, null, null),
                        new SettingsStore(dir.resolve("c2/settings.json")), new FxUiTasks());
                w[0].viewModel().setHasDevices(() -> false);
                w[0].show();
            });
            window = w[0];
            waitFor(() -> launcher.requests.size() == 1);
            assertThat(launcher.requests.get(0).source()).isEqualTo(SessionRequest.Source.DEMO);
            assertThat(text(robot, "#notificationText")).startsWith("Welcome to Attend");
        } finally {
            System.setProperty("attend.demo.autostart", "false");
        }
    }

    /** Answers every question with yes. */
    private static final class AlwaysYes implements dev.attend.ui.MainViewModel.Ui {
        @Override
        public boolean confirm(String title, String message, String okLabel) {
            return true;
        }

        @Override
        public void chooseMediaFileAndStart() {
        }
    }

    /** Records requests; the session ends at once. */
    private static final class RecordingLauncher implements SessionLauncher {
        final List<SessionRequest> requests = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public RunningSession start(SessionRequest r, EventSink events, List<Stage<AudioChunk>> a,
                                    List<Stage<VideoFrame>> v) {
            requests.add(r);
            return new RunningSession() {
                @Override
                public void stop() {
                }

                @Override
                public boolean isEnded() {
                    return true;
                }

                @Override
                public void close() {
                }
            };
        }
    }

    /** A real pipeline on an endless silent source whose one stage takes 3 s per chunk (a lagging recognizer). */
    private static final class SlowLauncher implements SessionLauncher {
        @Override
        public RunningSession start(SessionRequest r, EventSink events, List<Stage<AudioChunk>> a,
                                    List<Stage<VideoFrame>> v) throws Exception {
            Path wav = WavSessionLauncher.writeTone(Files.createTempFile("slow", ".wav"), 30);
            dev.attend.pipeline.Pipeline p = dev.attend.pipeline.Pipeline.builder()
                    .source(new dev.attend.audio.WavFileSource(wav)).events(events)
                    .audioStage(new Stage<AudioChunk>() {
                        @Override
                        public String name() {
                            return "slow";
                        }

                        @Override
                        public void process(AudioChunk item, StageContext ctx) throws Exception {
                            Thread.sleep(3000);
                        }
                    }).build();
            p.start();
            return RunningSession.of(p);
        }
    }
}
