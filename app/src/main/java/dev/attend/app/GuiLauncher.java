package dev.attend.app;

import dev.attend.app.gui.ApertiumPairs;
import dev.attend.app.gui.ApertiumTextTranslation;
import dev.attend.app.gui.MiniLmTextAttention;
import dev.attend.app.gui.VoskModelService;
import dev.attend.app.session.GuiSessionLauncher;
import dev.attend.asr.models.VoskModelManager;
import dev.attend.concurrent.TaskExecutor;
import dev.attend.concurrent.ThreadPoolTaskExecutor;
import dev.attend.config.AppDirs;
import dev.attend.translate.ApertiumInstall;
import dev.attend.ui.AttendApp;
import dev.attend.ui.AttendServices;
import java.util.Locale;

/** Starts the JavaFX application. Kept apart so the CLI never loads JavaFX classes. */
final class GuiLauncher {

    private GuiLauncher() {
    }

    static void launch(AppDirs dirs) {
        launch(dirs, null);
    }

    /** With a media file to open as the session's source ("Open with Attend"), or null. */
    static void launch(AppDirs dirs, java.nio.file.Path media) {
        if (media != null) {
            AttendApp.openOnStart(media.toAbsolutePath());
        }
        ApertiumInstall apertium = ApertiumInstall.detect();
        // the app-wide executor and the lab's MiniLM are owned here until the window closes
        TaskExecutor tasks = new ThreadPoolTaskExecutor("task", 4);
        try (MiniLmTextAttention text = MiniLmTextAttention.bundled()) {
            AttendApp.launchWith(new AttendServices(dirs, new GuiSessionLauncher(dirs),
                    new VoskModelService(VoskModelManager.standard(dirs, tasks), Locale.getDefault(), tasks),
                    new ApertiumPairs(apertium), text, new ApertiumTextTranslation(apertium),
                    new dev.attend.fusion.workbench.FusionTrainingService(tasks, dirs.data(), 1),
                    new dev.attend.app.gui.BundledFusionFacts()), tasks);
        } finally {
            tasks.shutdown();
        }
    }
}
