package dev.attend.ui;

import dev.attend.config.AppDirs;
import dev.attend.ui.models.ModelService;
import dev.attend.ui.session.SessionLauncher;
import dev.attend.ui.translation.TranslationPairs;
import java.util.Objects;

/** What the UI needs from the rest of the app, passed in by the app's GUI launcher. */
public record AttendServices(AppDirs dirs, SessionLauncher sessions, ModelService models, TranslationPairs pairs) {

    public AttendServices {
        Objects.requireNonNull(dirs, "dirs");
        sessions = sessions != null ? sessions : SessionLauncher.unavailable();
        models = models != null ? models : ModelService.unavailable();
        pairs = pairs != null ? pairs : TranslationPairs.unavailable();
    }
}
