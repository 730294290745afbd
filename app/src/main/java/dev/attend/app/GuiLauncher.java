package dev.attend.app;

import dev.attend.app.session.GuiSessionLauncher;
import dev.attend.config.AppDirs;
import dev.attend.ui.AttendApp;
import dev.attend.ui.AttendServices;
import dev.attend.ui.models.ModelService;
import dev.attend.ui.translation.TranslationPairs;

/** Starts the JavaFX application. Kept apart so the CLI never loads JavaFX classes. */
final class GuiLauncher {

    private GuiLauncher() {
    }

    static void launch(AppDirs dirs) {
        // model manager and translation pairs: wired to their features once those are merged
        AttendApp.launchWith(new AttendServices(dirs, new GuiSessionLauncher(dirs), ModelService.unavailable(),
                TranslationPairs.unavailable()));
    }
}
