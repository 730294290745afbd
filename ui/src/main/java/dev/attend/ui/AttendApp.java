package dev.attend.ui;

import atlantafx.base.theme.PrimerLight;
import dev.attend.config.AppDirs;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The desktop application. */
public final class AttendApp extends Application {

    private static volatile AppDirs dirs;

    /** Starts JavaFX with the app's folders; returns when the last window closes. */
    public static void launchWith(AppDirs appDirs) {
        dirs = appDirs;
        Application.launch(AttendApp.class);
    }

    static AppDirs dirs() {
        return dirs != null ? dirs : AppDirs.resolve(null, null);
    }

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        BorderPane root = new BorderPane();
        root.setPadding(new Insets(16));
        root.setCenter(new Label("Attend"));
        stage.setTitle("Attend");
        stage.setScene(new Scene(root, 1280, 800));
        stage.show();
    }
}
