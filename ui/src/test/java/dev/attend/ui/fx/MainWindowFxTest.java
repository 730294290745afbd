package dev.attend.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.config.AppDirs;
import dev.attend.ui.AttendServices;
import dev.attend.ui.MainWindow;
import dev.attend.ui.bridge.FxUiTasks;
import dev.attend.ui.i18n.I18n;
import dev.attend.ui.session.SessionRequest;
import dev.attend.ui.session.SessionViewModel;
import dev.attend.ui.settings.Settings;
import dev.attend.ui.settings.SettingsStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
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

/** The real main window under Xvfb: sessions fill the panes, pause freezes, language switches, settings persist. */
@ExtendWith({XvfbExtension.class, ApplicationExtension.class})
class MainWindowFxTest {

    @TempDir
    static Path dir;
    private MainWindow window;

    private static AttendServices services() {
        return new AttendServices(new AppDirs(dir.resolve("config"), dir.resolve("data"), dir.resolve("cache")),
                new WavSessionLauncher(), null, null);
    }

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, services(), new SettingsStore(dir.resolve("config/settings.json")),
                new FxUiTasks());
        stage.setWidth(1440); // TestFX reuses one primary stage across tests
        stage.setHeight(900);
        window.show();
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, c);
    }

    @Test
    void replayedSessionFillsTranscriptTranslationAndAttention(FxRobot robot) throws Exception {
        Path events = SampleEvents.writeJsonl(dir, SampleEvents.session());
        robot.interact(() -> window.session().replay(events, false));

        waitFor(() -> window.captions().rowCount() == 2 && window.attention().current() != null);

        List<String> texts = robot.lookup(".final-text").queryAllAs(Text.class).stream().map(Text::getText)
                .toList();
        assertThat(texts).contains("hello ", "world ", "hola ", "mundo", "qué ", "hora ", "es");
        Text world = robot.lookup(".final-text").queryAllAs(Text.class).stream()
                .filter(t -> t.getText().equals("world ")).findFirst().orElseThrow();
        assertThat(world.getOpacity()).isCloseTo(0.3 + 0.7 * 0.6, org.assertj.core.api.Assertions.within(1e-9));
        robot.clickOn(world);
        assertThat(window.transcript().selectedWordProperty().get()).contains("0.95").contains("0.60");
        // attention lab: hover shows the exact weight, clicking a row fills the formula table
        var heatmap = window.attentionView().heatmap();
        double[] cell = heatmap.cellCentre(1, 2);
        robot.moveTo(heatmap.localToScreen(cell[0], cell[1]));
        double w12 = window.attention().current().weights()[1][2];
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> heatmap.hoverText().endsWith(String.format("%.6f", w12)));
        assertThat(heatmap.hoverText()).startsWith("hello → world");
        robot.clickOn(heatmap.localToScreen(cell[0], cell[1]));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup("#formula").queryTableView().getItems().size() == 4);
        // export writes what the panes show
        Path srt = dir.resolve("out.srt");
        robot.interact(() -> window.exportTo(srt));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> java.nio.file.Files.exists(srt));
        assertThat(srt).content().contains("00:00:00,480 --> 00:00:01,500\nhello world\nhola mundo");
        // a model-less build offers the model manager, but not over a replay that shows captions (defect 10)
        assertThat(robot.lookup("#modelBanner").query().isVisible()).isFalse();
        // words the translator did not know are marked
        var tr = SampleEvents.translation(1, 2.1, "hey jarvis", "*jarvis oye");
        tr.putArray("unknown").add("jarvis");
        window.bridge().accept(tr);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".unknown-word").tryQuery().isPresent());
        assertThat(robot.lookup(".unknown-word").queryAllAs(Text.class)).extracting(Text::getText)
                .containsExactly("*jarvis ");
    }

    @Test
    void pauseFreezesEveryViewAndResumeCatchesUp(FxRobot robot) throws Exception {
        Path events = SampleEvents.writeJsonl(dir, SampleEvents.session().subList(0, 6));
        robot.interact(() -> window.session().replay(events, false));
        waitFor(() -> window.translation().byUtterance().size() == 1); // the 6th and last event was applied
        robot.clickOn("#captionsScroll");
        robot.type(KeyCode.SPACE);
        assertThat(window.session().stateProperty().get()).isEqualTo(SessionViewModel.State.PAUSED);

        SampleEvents.session().subList(6, 12).forEach(window.bridge()::accept);
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS); // several pulses pass while paused
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.captions().rowCount()).isEqualTo(1);
        assertThat(window.attention().current()).isNull();
        assertThat(window.bridge().queued()).isEqualTo(6);

        robot.type(KeyCode.SPACE);
        waitFor(() -> window.captions().rowCount() == 2 && window.attention().current() != null);
        assertThat(window.session().stateProperty().get()).isEqualTo(SessionViewModel.State.RUNNING);
    }

    @Test
    void realPipelineOnAGeneratedWavDrawsTheAudioStripAndEnds(FxRobot robot) throws Exception {
        Path wav = WavSessionLauncher.writeTone(dir.resolve("tone.wav"), 2.0);
        robot.interact(() -> {
            window.session().fileProperty().set(wav);
            window.session().sourceProperty().set(SessionRequest.Source.FILE);
        });
        robot.clickOn("#startButton");

        waitFor(() -> window.session().stateProperty().get() == SessionViewModel.State.IDLE
                && window.audioStrip().columnsSeen() > 0);
        // 2 s at 10 ms per column, less the last partial window
        assertThat(window.audioStrip().columnsSeen()).isBetween(195, 200);
    }

    @Test
    void switchingUiLanguageRelabelsTheWindowWithACjkFont(FxRobot robot) {
        Button start = robot.lookup("#startButton").queryButton();
        assertThat(start.getText()).isEqualTo("Start");

        robot.interact(() -> window.applySettings(window.settings().withUiLanguage("zh-CN")));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(start.getText()).isEqualTo("开始");
        assertThat(robot.lookup("#modelsButton").queryButton().getText()).isEqualTo("模型管理");
        assertThat(start.getScene().getRoot().getStyle()).contains(I18n.CJK_FONTS.get(0));
        robot.interact(() -> window.applySettings(window.settings().withUiLanguage("en")));
        assertThat(start.getText()).isEqualTo("Start");
    }

    @Test
    void settingsAndWindowStatePersistAcrossRestarts(FxRobot robot) throws Exception {
        Settings changed = new Settings("file", "", "", "en", "eng-cat", "hey_jarvis", 0.6, 0.5, "dark", "zh-CN", 24,
                null);
        robot.interact(() -> {
            window.applySettings(changed);
            window.stage().setWidth(1100);
            window.stage().setHeight(720);
            window.close();
            window.stage().hide();
        });

        MainWindow[] again = new MainWindow[1];
        robot.interact(() -> {
            again[0] = new MainWindow(new Stage(), services(), new SettingsStore(dir.resolve("config/settings.json")),
                    new FxUiTasks());
            again[0].show();
        });
        Settings s = again[0].settings();
        assertThat(s.theme()).isEqualTo("dark");
        assertThat(s.uiLanguage()).isEqualTo("zh-CN");
        assertThat(s.translationPair()).isEqualTo("eng-cat");
        assertThat(s.window().width()).isEqualTo(1100);
        assertThat(again[0].stage().getWidth()).isEqualTo(1100);
        assertThat(again[0].captions().fontSizeProperty().get()).isEqualTo(24);
        assertThat(again[0].i18n().get("session.start")).isEqualTo("开始");
        assertThat(again[0].session().sourceProperty().get()).isEqualTo(SessionRequest.Source.FILE);
        robot.interact(() -> {
            again[0].close();
            again[0].stage().hide();
        });
        java.nio.file.Files.delete(dir.resolve("config/settings.json")); // the other tests start from defaults
    }

    @Test
    void settingsDialogSavesThemeLanguageAndCaptionSize(FxRobot robot) throws Exception {
        robot.clickOn("#settingsButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#setTheme").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#setTheme").<javafx.scene.control.ChoiceBox<String>>query().setValue("dark");
            robot.lookup("#setUiLanguage").<javafx.scene.control.ChoiceBox<String>>query().setValue("zh-CN");
            robot.lookup("#setFontSize").<javafx.scene.control.Spinner<Double>>query().getValueFactory()
                    .setValue(20.0);
        });
        robot.clickOn(robot.lookup(".button").match(n -> n instanceof Button b && b.isDefaultButton())
                .queryButton());

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "dark".equals(window.settings().theme()));
        Settings saved = new SettingsStore(dir.resolve("config/settings.json")).load();
        assertThat(saved.theme()).isEqualTo("dark");
        assertThat(saved.uiLanguage()).isEqualTo("zh-CN");
        assertThat(saved.captionFontSize()).isEqualTo(20.0);
        assertThat(robot.lookup("#startButton").queryButton().getText()).isEqualTo("开始");
        robot.interact(() -> window.applySettings(Settings.defaults()));
    }

    @Test
    void faceBoxIsDrawnOverThePreviewInFramePixels(FxRobot robot) throws Exception {
        var face = SampleEvents.tree(java.util.Map.of("type", "face", "t", 0.4, "frame", 1, "width", 640,
                "height", 480, "faces", List.of(java.util.Map.of("track", 1, "score", 0.93,
                        "box", List.of(160, 120, 320, 240), "keypoints", List.of(List.of(250, 200)),
                        "mouth", List.of(280, 300, 80, 30), "mouthMotion", 0.1))));
        window.bridge().accept(face);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.camera() != null
                && robot.lookup(".camera-view").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.image.WritableImage[] img = new javafx.scene.image.WritableImage[1];
        double[] at = new double[2];
        robot.interact(() -> {
            var cam = window.camera();
            img[0] = cam.snapshot(null, null);
            double s = Math.min(cam.getWidth() / 640, cam.getHeight() / 480);
            double ox = (cam.getWidth() - 640 * s) / 2;
            double oy = (cam.getHeight() - 480 * s) / 2;
            at[0] = ox + 160 * s; // left edge of the box, half-way down
            at[1] = oy + (120 + 120) * s;
        });
        javafx.scene.paint.Color c = javafx.scene.paint.Color.BLACK; // the greenest pixel across the 2 px line
        for (int dx = -2; dx <= 2; dx++) {
            var p = img[0].getPixelReader().getColor((int) Math.round(at[0]) + dx, (int) Math.round(at[1]));
            if (p.getGreen() > c.getGreen()) {
                c = p;
            }
        }
        assertThat(c.getGreen()).isGreaterThan(0.6);
        assertThat(c.getRed()).isLessThan(0.2);
    }
}
