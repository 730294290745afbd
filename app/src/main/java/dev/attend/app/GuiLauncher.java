package dev.attend.app;

import dev.attend.config.AppDirs;
import dev.attend.ui.AttendApp;

/** Starts the JavaFX application. Kept apart so the CLI never loads JavaFX classes. */
final class GuiLauncher {

    private GuiLauncher() {
    }

    static void launch(AppDirs dirs) {
        AttendApp.launchWith(dirs);
    }
}
