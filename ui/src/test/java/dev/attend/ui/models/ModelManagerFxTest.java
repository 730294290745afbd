package dev.attend.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.attend.config.AppDirs;
import dev.attend.ui.AttendServices;
import dev.attend.ui.MainWindow;
import dev.attend.ui.bridge.FxUiTasks;
import dev.attend.ui.fx.XvfbExtension;
import dev.attend.ui.settings.SettingsStore;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
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

/** Model manager through the port, downloading for real from a local HTTP server that sends slowly. */
@ExtendWith({XvfbExtension.class, ApplicationExtension.class})
class ModelManagerFxTest {

    private static final int SIZE = 1024 * 1024;
    @TempDir
    Path dir;
    private HttpServer server;
    private MainWindow window;
    private final List<Double> progressSeen = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            ex.sendResponseHeaders(200, SIZE);
            try (OutputStream out = ex.getResponseBody()) {
                byte[] chunk = new byte[32 * 1024];
                for (int sent = 0; sent < SIZE; sent += chunk.length) {
                    out.write(chunk);
                    out.flush();
                    Thread.sleep(40); // ≈ 1.3 s in all: progress is visible, cancel has time to act
                }
            } catch (IOException | InterruptedException e) {
                // client went away (cancel): nothing more to send
            }
        });
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        Path models = Files.createDirectories(dir.resolve("models"));
        ModelService svc = new HttpModelService(base, models, List.of(
                new ModelInfo("vosk-model-small-en-test", "en", SIZE, false, false),
                new ModelInfo("vosk-model-small-cn-test", "zh", SIZE, false, false)));
        window = new MainWindow(stage, new AttendServices(new AppDirs(dir.resolve("c"), dir.resolve("d"),
                dir.resolve("k")), null, svc, null), new SettingsStore(dir.resolve("c/settings.json")),
                new FxUiTasks());
        stage.setWidth(1440);
        stage.setHeight(900);
        window.show();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        server.stop(0);
    }

    @Test
    void downloadShowsProgressThenListsTheModelAsInstalled(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.M).release(KeyCode.M, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.modelDialog() != null
                && robot.lookup("#availableModels").queryAs(TableView.class).getItems().size() == 2);
        ProgressBar bar = robot.lookup("#downloadProgress").queryAs(ProgressBar.class);
        bar.progressProperty().addListener((o, a, b) -> progressSeen.add(b.doubleValue()));
        assertThat(robot.lookup("#modelBanner").query().isVisible()).isTrue();

        robot.interact(() -> robot.lookup("#availableModels").queryAs(TableView.class).getSelectionModel().select(0));
        // the manager keeps its size under a window manager (it came out ~200 × 225 before)
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.modelDialog().stage().getWidth() > 700
                && window.modelDialog().stage().getHeight() > 600);
        robot.clickOn("#downloadModel");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#installedModels")
                .queryAs(TableView.class).getItems().size() == 1);
        assertThat(progressSeen).anyMatch(p -> p > 0.1 && p < 0.9);
        assertThat(bar.getProgress()).isEqualTo(1.0);
        assertThat(dir.resolve("models/vosk-model-small-en-test.zip")).hasSize(SIZE);
        assertThat(robot.lookup("#availableModels").queryTableView().getItems()).hasSize(1);
        // with a model on disk the transcript pane stops offering the manager
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("#modelBanner").query().isVisible());
    }

    @Test
    void searchFiltersRemoveAsksFirstAndEscCloses(FxRobot robot) throws Exception {
        robot.interact(window::showModelManager);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#availableModels")
                .queryAs(TableView.class).getItems().size() == 2);
        robot.interact(() -> robot.lookup("#modelSearch").queryTextInputControl().setText("chinese"));
        assertThat(robot.lookup("#availableModels").queryTableView().getItems()).extracting(m -> ((ModelInfo) m)
                .name()).containsExactly("vosk-model-small-cn-test");
        robot.interact(() -> robot.lookup("#modelSearch").queryTextInputControl().setText(""));
        // install one, then Remove asks before deleting; Cancel keeps it
        robot.interact(() -> robot.lookup("#availableModels").queryAs(TableView.class).getSelectionModel().select(0));
        robot.clickOn("#downloadModel");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#installedModels")
                .queryAs(TableView.class).getItems().size() == 1);
        robot.interact(() -> robot.lookup("#installedModels").queryAs(TableView.class).getSelectionModel().select(0));
        robot.clickOn("#removeModel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#confirmRemove").tryQuery().isPresent());
        robot.clickOn(robot.lookup("#confirmRemove .button").match(b -> "Cancel".equals(
                ((javafx.scene.control.Button) b).getText())).queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#installedModels").queryTableView().getItems()).hasSize(1);
        assertThat(dir.resolve("models/vosk-model-small-en-test.zip")).exists();
        // Esc closes the manager
        robot.clickOn("#installedModels").type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !window.modelDialog().stage().isShowing());
    }

    @Test
    void cancelStopsTheDownloadAndLeavesNothingBehind(FxRobot robot) throws Exception {
        robot.interact(window::showModelManager);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#availableModels")
                .queryAs(TableView.class).getItems().size() == 2);
        robot.interact(() -> robot.lookup("#availableModels").queryAs(TableView.class).getSelectionModel().select(1));
        robot.clickOn("#downloadModel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#downloadProgress").queryAs(ProgressBar.class).getProgress() > 0);

        robot.clickOn("#cancelDownload");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#modelMessage")
                .queryLabeled().getText().equals("Download cancelled."));
        try (var files = Files.list(dir.resolve("models"))) {
            assertThat(files).isEmpty();
        }
        assertThat(robot.lookup("#installedModels").queryTableView().getItems()).isEmpty();
    }
}
