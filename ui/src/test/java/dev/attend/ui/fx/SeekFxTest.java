package dev.attend.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.attend.audio.LevelMeterStage;
import dev.attend.audio.WavFileSource;
import dev.attend.config.AppDirs;
import dev.attend.event.AsrEvents;
import dev.attend.event.CoreEvents;
import dev.attend.event.EventSink;
import dev.attend.media.AudioChunk;
import dev.attend.media.VideoFrame;
import dev.attend.pipeline.Pacing;
import dev.attend.pipeline.Pipeline;
import dev.attend.pipeline.Stage;
import dev.attend.pipeline.StageContext;
import dev.attend.ui.AttendServices;
import dev.attend.ui.MainWindow;
import dev.attend.ui.bridge.FxUiTasks;
import dev.attend.ui.session.RunningSession;
import dev.attend.ui.session.SessionLauncher;
import dev.attend.ui.session.SessionRequest;
import dev.attend.ui.session.SessionViewModel.State;
import dev.attend.ui.settings.SettingsStore;
import dev.attend.ui.transcript.Utterance;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Slider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Seeking in a file on the real window (issue 15): the transcript the user has stays, a re-heard range replaces
 * its rows instead of doubling them, and a seek while paused stays paused at the new position.
 */
@ExtendWith({XvfbExtension.class, ApplicationExtension.class})
class SeekFxTest {

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

    private MainWindow open(FxRobot robot, Path wav) {
        MainWindow[] w = new MainWindow[1];
        robot.interact(() -> {
            w[0] = new MainWindow(new javafx.stage.Stage(), new AttendServices(new AppDirs(dir.resolve("config"),
                    dir.resolve("data"), dir.resolve("cache")), new SecondsLauncher(), null, List::of, null,
                    null), new SettingsStore(dir.resolve("config/settings.json")), new FxUiTasks());
            w[0].show();
            w[0].viewModel().useMediaFile(wav);
        });
        window = w[0];
        return w[0];
    }

    private static void waitFor(Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, c);
    }

    /** Releases the seek slider at {@code t}, as a drag does. */
    private static void seek(FxRobot robot, double t) {
        Slider slider = robot.lookup("#seekSlider").queryAs(Slider.class);
        robot.interact(() -> {
            slider.setValueChanging(true);
            slider.setValue(t);
            slider.setValueChanging(false);
        });
    }

    private static List<String> rows(MainWindow w) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> w.transcript().utterances().stream().map(Utterance::text).toList())
                .get(5, TimeUnit.SECONDS);
    }

    @Test
    void seekingKeepsTheTranscriptAndAReheardRangeReplacesItsRows(FxRobot robot) throws Exception {
        MainWindow w = open(robot, WavSessionLauncher.writeTone(dir.resolve("tone.wav"), 6.0));
        robot.clickOn("#startButton");
        waitFor(() -> rows(w).size() == 2); // seconds 0 and 1 heard
        seek(robot, 4.0); // forward: what was heard stays
        waitFor(() -> w.session().endReasonProperty().get().equals("eof"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rows(w)).as("before the fix the seek cleared the rows of 0–2 s")
                .containsExactly("second 0", "second 1", "second 4", "second 5");

        seek(robot, 1.0); // back: seconds 1–5 are heard again and replace their rows, in media-time order
        waitFor(() -> w.session().stateProperty().get() == State.RUNNING);
        assertThat(rows(w)).as("the rows stay while the range plays again").contains("second 0", "second 5");
        waitFor(() -> w.session().endReasonProperty().get().equals("eof"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rows(w)).containsExactly("second 0", "second 1", "second 2", "second 3", "second 4", "second 5");
        assertThat(w.captions().rowCount()).isEqualTo(6);
        List<Integer> ids = w.transcript().utterances().stream().map(Utterance::id).toList();
        assertThat(ids).as("every row has its own id").doesNotHaveDuplicates();
    }

    @Test
    void aSeekWhilePausedStaysPausedAndResumeGoesOnFromThere(FxRobot robot) throws Exception {
        MainWindow w = open(robot, WavSessionLauncher.writeTone(dir.resolve("tone.wav"), 5.0));
        List<Double> levels = new CopyOnWriteArrayList<>();
        w.bridge().subscribe(CoreEvents.Level.class, e -> levels.add(e.t()));
        robot.clickOn("#startButton");
        waitFor(() -> w.viewModel().progress().positionProperty().get() > 0.5);
        robot.interact(() -> w.session().togglePause());
        seek(robot, 3.0);
        waitFor(() -> w.session().stateProperty().get() != State.STARTING);
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
        assertThat(w.session().stateProperty().get()).as("before the fix a seek resumed playback")
                .isEqualTo(State.PAUSED);
        assertThat(w.viewModel().progress().positionProperty().get()).isCloseTo(3.0, within(0.01));
        levels.clear();
        long t0 = System.nanoTime();
        robot.interact(() -> w.session().togglePause());
        waitFor(() -> w.session().endReasonProperty().get().equals("eof"));
        double wall = (System.nanoTime() - t0) / 1e9;
        assertThat(levels).isNotEmpty();
        assertThat(levels.get(0)).as("resume plays from the new position").isCloseTo(3.0, within(0.11));
        assertThat(wall).as("2 s of media were left after 3.0 s").isBetween(1.5, 4.0);
    }

    /** A real file pipeline whose recognizer stand-in hears one utterance per second of media ("second k"). */
    private static final class SecondsLauncher implements SessionLauncher {
        @Override
        public RunningSession start(SessionRequest r, EventSink events, List<Stage<AudioChunk>> audioPreview,
                                    List<Stage<VideoFrame>> videoPreview) throws Exception {
            Pipeline.Builder b = Pipeline.builder().source(new WavFileSource(r.file()).startAt(r.startAt()))
                    .mediaStart(r.startAt()).events(events).pacing(Pacing.REALTIME)
                    .audioStage(new LevelMeterStage()).audioStage(new SecondsHeard());
            audioPreview.forEach(b::audioStage);
            Pipeline p = b.build();
            p.start();
            return RunningSession.of(p);
        }
    }

    /** Emits a final for every whole second of media it has heard; utterance ids count from 0 per session. */
    private static final class SecondsHeard implements Stage<AudioChunk> {
        private int utterance;
        private long next = -1;

        @Override
        public String name() {
            return "seconds";
        }

        @Override
        public void process(AudioChunk c, StageContext ctx) {
            if (next < 0) {
                next = (long) Math.ceil(c.t() - 1e-6); // the first whole second at or after the seek
            }
            while (c.endTime() >= next + 1 - 1e-6) {
                ctx.events().emit(new AsrEvents.Final(next + 0.1, next + 0.9, utterance++, "second " + next, 0.9,
                        List.of(), List.of()));
                next++;
            }
        }
    }
}
