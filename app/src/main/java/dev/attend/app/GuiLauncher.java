package dev.attend.app;

import dev.attend.app.gui.ApertiumPairs;
import dev.attend.app.gui.ApertiumTextTranslation;
import dev.attend.app.gui.MiniLmTextAttention;
import dev.attend.app.gui.VoskModelService;
import dev.attend.app.session.GuiSessionLauncher;
import dev.attend.asr.models.VoskModelManager;
import dev.attend.config.AppDirs;
import dev.attend.ui.AttendApp;
import dev.attend.ui.AttendServices;
import dev.attend.translate.ApertiumInstall;
import java.util.Locale;

/** Starts the JavaFX application. Kept apart so the CLI never loads JavaFX classes. */
final class GuiLauncher {

    private GuiLauncher() {
    }

    static void launch(AppDirs dirs) {
        ApertiumInstall apertium = ApertiumInstall.detect();
        // the lab's MiniLM is owned here until the window closes
        try (MiniLmTextAttention text = MiniLmTextAttention.bundled()) {
            AttendApp.launchWith(new AttendServices(dirs, new GuiSessionLauncher(dirs),
                    new VoskModelService(VoskModelManager.standard(dirs), Locale.getDefault()),
                    new ApertiumPairs(apertium), text, new ApertiumTextTranslation(apertium)));
        }
    }
}
