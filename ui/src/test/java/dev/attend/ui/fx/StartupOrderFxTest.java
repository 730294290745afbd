package dev.attend.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.config.AppDirs;
import dev.attend.event.EventSink;
import dev.attend.ui.AttendServices;
import dev.attend.ui.MainWindow;
import dev.attend.ui.assistant.AssistantPort;
import dev.attend.ui.bridge.FxUiTasks;
import dev.attend.ui.settings.SettingsStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Start-up order (issue 16's cold start): the assistant's load begins only once the window has shown its first
 * frame, and its pane says "loading…" until the assistant is ready.
 */
@ExtendWith({XvfbExtension.class, ApplicationExtension.class})
class StartupOrderFxTest {

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

    @Test
    void theAssistantLoadsAfterTheFirstFrameAndThePaneSaysLoadingUntilReady(FxRobot robot) throws Exception {
        List<Boolean> showingWhenAsked = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> loaded = new CompletableFuture<>();
        MainWindow[] w = new MainWindow[1];
        AssistantPort port = new Loading(() -> showingWhenAsked.add(w[0] != null && w[0].stage().isShowing()),
                loaded);
        robot.interact(() -> {
            w[0] = new MainWindow(new javafx.stage.Stage(), new AttendServices(new AppDirs(dir.resolve("config"),
                    dir.resolve("data"), dir.resolve("cache")), null, null, null, null, null, null, null, port),
                    new SettingsStore(dir.resolve("config/settings.json")), new FxUiTasks());
            assertThat(showingWhenAsked).as("nothing loads while the window is built").isEmpty();
            w[0].show();
            assertThat(showingWhenAsked).as("nor before its first frame").isEmpty();
        });
        window = w[0];
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !showingWhenAsked.isEmpty());
        assertThat(showingWhenAsked).containsExactly(true);
        assertThat(w[0].viewModel().conversation().stateProperty().get()).isEqualTo("loading");
        assertThat(robot.lookup("#assistantPane").queryAs(javafx.scene.control.TitledPane.class).getText())
                .contains("loading…");
        loaded.complete(null);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> w[0].viewModel().conversation().stateProperty().get().equals("idle"));
    }

    /** An assistant that is available, records when its load is asked for and is ready when the test says. */
    private static final class Loading implements AssistantPort {
        private final AssistantPort none = AssistantPort.unavailable();
        private final Runnable onLoad;
        private final CompletableFuture<Void> ready;

        Loading(Runnable onLoad, CompletableFuture<Void> ready) {
            this.onLoad = onLoad;
            this.ready = ready;
        }

        @Override
        public void startLoading() {
            onLoad.run();
        }

        @Override
        public CompletionStage<?> ready() {
            return ready;
        }

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public void events(EventSink sink) {
        }

        @Override
        public void typed(String text) {
        }

        @Override
        public boolean pushToTalk() {
            return false;
        }

        @Override
        public dev.attend.assistant.AssistantSettings settings() {
            return none.settings();
        }

        @Override
        public void apply(dev.attend.assistant.AssistantSettings settings) {
        }

        @Override
        public boolean sessionHears(String wakeWord) {
            return false;
        }

        @Override
        public List<String> voices() {
            return List.of();
        }

        @Override
        public List<dev.attend.assistant.store.AssistantTimer> timers() {
            return List.of();
        }

        @Override
        public void cancelTimer(long id) {
        }

        @Override
        public List<dev.attend.assistant.store.Note> notesToday() {
            return List.of();
        }
    }
}
