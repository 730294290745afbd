package dev.attend.ui;

import dev.attend.concurrent.TaskExecutor;
import dev.attend.config.AppDirs;
import dev.attend.ui.bridge.FxUiTasks;
import dev.attend.ui.settings.SettingsStore;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The desktop application. The app module passes its services in through {@link #launchWith}; hidden system
 * properties {@code attend.demo.autostart} and {@code attend.screenshot.dir} drive the screenshot script.
 */
public final class AttendApp extends Application {

    private static volatile AttendServices services;
    private static volatile TaskExecutor tasks;
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

    @Override
    public void start(Stage stage) {
        AttendServices s = services();
        window = new MainWindow(stage, s, new SettingsStore(s.dirs().settingsFile()), tasks != null ? new FxUiTasks(tasks) : new FxUiTasks());
        window.show();
        ScreenshotHook.installIfRequested(window);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
