package dev.attend.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.config.AppDirs;
import dev.attend.event.AsrEvents;
import dev.attend.speaker.SpeakerProfile;
import dev.attend.speaker.SpeakerProfileStore;
import dev.attend.speaker.SpeakerVectors;
import dev.attend.ui.AttendServices;
import dev.attend.ui.MainWindow;
import dev.attend.ui.bridge.FxUiTasks;
import dev.attend.ui.settings.SettingsStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
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

/**
 * "This is me" in the real main window: clicking a speaker's name in the captions enrols that voice from its lines'
 * vectors into the data dir's profiles, and the lines then carry the name (refusals: {@code TranscriptSpeakersTest}).
 */
@ExtendWith({XvfbExtension.class, ApplicationExtension.class})
class SpeakerEnrolFxTest {

    @TempDir
    static Path dir;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        AttendServices services = new AttendServices(new AppDirs(dir.resolve("config"), dir.resolve("data"),
                dir.resolve("cache")), new WavSessionLauncher(), null, null);
        window = new MainWindow(stage, services, new SettingsStore(dir.resolve("config/settings.json")),
                new FxUiTasks());
        stage.setWidth(1280);
        stage.setHeight(800);
        window.show();
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static AsrEvents.Final fin(int id, double t, String word, String speaker, float[] v) {
        return new AsrEvents.Final(t, t + 1, id, word, 0.9, List.of(new AsrEvents.Word(word, t, t + 1, 0.9)),
                List.of(), speaker, 0.95, v);
    }

    private List<String> tags(FxRobot robot) {
        return robot.lookup(".speaker-tag").queryAllAs(Text.class).stream().map(Text::getText).toList();
    }

    @Test
    void thisIsMeEnrolsTheSpeakersLinesUnderTheName(FxRobot robot) throws Exception {
        float[] a1 = {1, 0, 0, 0};
        float[] a2 = {0.8f, 0.6f, 0, 0};
        float[] b = {0, 0, 1, 0};
        for (var e : List.of(fin(0, 0.5, "hello", "Speaker 1", a1), fin(1, 2, "hi", "Speaker 2", b),
                fin(2, 4, "bye", "Speaker 1", a2))) {
            window.bridge().accept(SampleEvents.tree(e));
        }
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> window.captions().rowCount() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tags(robot)).containsExactly("Speaker 1: ", "Speaker 2: ", "Speaker 1: ");

        Text first = robot.lookup(".speaker-tag").queryAllAs(Text.class).iterator().next();
        robot.clickOn(first);
        robot.clickOn(window.i18n().get("captions.thisIsMe"));
        robot.write("Ann").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#speaker-enrol-result").tryQuery().isPresent());
        DialogPane done = robot.lookup("#speaker-enrol-result").queryAs(DialogPane.class);
        assertThat(done.getContentText()).contains("Ann").contains("2");
        robot.type(KeyCode.ENTER);

        SpeakerProfile ann = SpeakerProfileStore.inDataDir(dir.resolve("data")).find("Ann").orElseThrow();
        assertThat(ann.utterances()).isEqualTo(2);
        // the mean direction of the two lines' vectors, not Speaker 2's
        assertThat(SpeakerVectors.cosine(ann.vector(), new float[] {1.8f, 0.6f, 0, 0})).isGreaterThan(0.999);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> tags(robot).equals(List.of("Ann: ", "Speaker 2: ", "Ann: ")));

        assertThat(SpeakerProfileStore.inDataDir(dir.resolve("data")).list()).extracting(SpeakerProfile::name)
                .containsExactly("Ann");
        assertThat(tags(robot)).contains("Speaker 2: ");
    }
}
