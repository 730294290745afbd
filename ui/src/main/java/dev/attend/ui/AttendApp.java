package dev.attend.ui;

import dev.attend.concurrent.TaskExecutor;
import dev.attend.config.AppDirs;
import dev.attend.ui.bridge.FxUiTasks;
import dev.attend.ui.settings.SettingsStore;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The desktop application. The app module passes its services in through {@link #launchWith}; a test-scope
 * launcher (the screenshot script's) may ask for the window once it is shown ({@link #onWindowShown}).
 */
public final class AttendApp extends Application {

    private static volatile AttendServices services;
    private static volatile TaskExecutor tasks;
    private static volatile java.util.function.Consumer<MainWindow> onShown = w -> { };
    private MainWindow window;

    /** Starts JavaFX with the app's services; returns when the last window closes. */
    public static void launchWith(AttendServices s) {
        services = s;
        Application.launch(AttendApp.class);
    }

    /** As {@link #launchWith(AttendServices)}, background work on the app's executor (owned by the caller). */
    public static void launchWith(AttendServices s, TaskExecutor appTasks) {
        tasks = appTasks;
        launchWith(s);
    }

    /** Starts with only the app's folders (no sessions, no model manager). */
    public static void launchWith(AppDirs appDirs) {
        launchWith(new AttendServices(appDirs, null, null, null));
    }

    static AttendServices services() {
        return services != null ? services : new AttendServices(AppDirs.resolve(null, null), null, null, null);
    }

    /** A media file the window opens and plays as soon as it shows ("Open with Attend"). */
    public static void openOnStart(java.nio.file.Path file) {
        openFile = file;
    }

    private static volatile java.nio.file.Path openFile;

    /** Called with the main window once it is shown (before {@link #launchWith}). */
    public static void onWindowShown(java.util.function.Consumer<MainWindow> hook) {
        onShown = hook;
    }

    @Override
    public void start(Stage stage) {
        AttendServices s = services();
        window = new MainWindow(stage, s, new SettingsStore(s.dirs().settingsFile()), tasks != null ? new FxUiTasks(tasks) : new FxUiTasks());
        if (openFile != null) {
            window.openOnStart(openFile);
        }
        window.show();
        // start-up time is a product bar (docs/performance.md): say it in the log on every start
        org.slf4j.LoggerFactory.getLogger(AttendApp.class).info("window shown {} ms after the JVM started",
                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
        onShown.accept(window);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
