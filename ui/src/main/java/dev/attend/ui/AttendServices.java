package dev.attend.ui;

import dev.attend.config.AppDirs;
import dev.attend.ui.attention.TextAttention;
import dev.attend.ui.models.ModelService;
import dev.attend.ui.session.SessionLauncher;
import dev.attend.ui.translation.TextTranslation;
import dev.attend.ui.translation.TranslationPairs;
import java.util.Objects;

/** What the UI needs from the rest of the app, passed in by the app's GUI launcher. */
public record AttendServices(AppDirs dirs, SessionLauncher sessions, ModelService models, TranslationPairs pairs,
                             TextAttention textAttention, TextTranslation textTranslation,
                             dev.attend.training.TrainingService training,
                             java.util.function.Supplier<dev.attend.ui.lab.FusionFacts> fusionFacts) {

    public AttendServices {
        Objects.requireNonNull(dirs, "dirs");
        sessions = sessions != null ? sessions : SessionLauncher.unavailable();
        models = models != null ? models : ModelService.unavailable();
        pairs = pairs != null ? pairs : TranslationPairs.unavailable();
        textAttention = textAttention != null ? textAttention : TextAttention.unavailable();
        textTranslation = textTranslation != null ? textTranslation : TextTranslation.unavailable();
        training = training != null ? training : dev.attend.training.TrainingService.unavailable();
        fusionFacts = fusionFacts != null ? fusionFacts : () -> null;
    }

    /** Without the Training window's back end and the fusion model's facts for the lab. */
    public AttendServices(AppDirs dirs, SessionLauncher sessions, ModelService models, TranslationPairs pairs,
                          TextAttention textAttention, TextTranslation textTranslation) {
        this(dirs, sessions, models, pairs, textAttention, textTranslation, null, null);
    }

    /** Without typed-text analysis and translation. */
    public AttendServices(AppDirs dirs, SessionLauncher sessions, ModelService models, TranslationPairs pairs) {
        this(dirs, sessions, models, pairs, null, null, null, null);
    }
}
