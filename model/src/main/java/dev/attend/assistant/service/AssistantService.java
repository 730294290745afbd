package dev.attend.assistant.service;

import dev.attend.assistant.Assistant;
import dev.attend.assistant.AssistantSettings;
import dev.attend.assistant.AssistantStage;
import dev.attend.assistant.ReplyTemplates;
import dev.attend.assistant.TapOptions;
import dev.attend.assistant.intent.AudioIntentModel;
import dev.attend.assistant.intent.IntentCombiner;
import dev.attend.assistant.intent.PhraseFile;
import dev.attend.assistant.intent.TextIntentClassifier;
import dev.attend.assistant.intent.VectorCache;
import dev.attend.encoders.text.MiniLmFiles;
import dev.attend.assistant.skills.SkillRegistry;
import dev.attend.assistant.speech.RenderingSynthesizer;
import dev.attend.assistant.speech.SpeechSynthesizer;
import dev.attend.assistant.store.HistorySearch;
import dev.attend.assistant.store.SqliteAssistantStore;
import dev.attend.config.AppDirs;
import dev.attend.event.EventSink;
import dev.attend.encoders.text.MiniLm;
import dev.attend.translate.ApertiumInstall;
import dev.attend.translate.Translator;
import dev.attend.translate.TranslatorUnavailableException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The app's assistant: MiniLM (without attention outputs), the user's phrase file ({@code intents.txt} in the config
 * folder, created from the bundled one), timers and notes in {@code assistant.db} in the data folder, Apertium for
 * "translate that", the OS's speech engine. Lives as long as the app (timers go off between sessions); a session
 * attaches it through {@link #tap}. Closing releases the model, the database and the speech thread.
 */
public final class AssistantService implements AutoCloseable {

    public static final String PHRASE_FILE = "intents.txt";

    private final MiniLm minilm;
    private final SqliteAssistantStore store;
    private final Assistant assistant;
    private final AssistantSettings settings;
    private final PhraseFile phrases;
    private volatile AssistantStage current;

    /** What the CLI or GUI may change from the saved settings. {@code synthesizer} null = the OS's engine. */
    public record Options(Boolean mute, String language, SpeechSynthesizer synthesizer, AudioIntentModel audioModel,
                          HistorySearch history, Clock clock, boolean timers) {

        public static Options defaults() {
            return new Options(null, null, null, null, null, Clock.systemDefaultZone(), true);
        }

        public Options withMute(Boolean m) {
            return new Options(m, language, synthesizer, audioModel, history, clock, timers);
        }

        public Options withLanguage(String l) {
            return new Options(mute, l, synthesizer, audioModel, history, clock, timers);
        }

        public Options withSynthesizer(SpeechSynthesizer s) {
            return new Options(mute, language, s, audioModel, history, clock, timers);
        }

        public Options withAudioModel(AudioIntentModel m) {
            return new Options(mute, language, synthesizer, m, history, clock, timers);
        }

        public Options withHistory(HistorySearch h) {
            return new Options(mute, language, synthesizer, audioModel, h, clock, timers);
        }

        /** Whether persisted timers are scheduled (off for one-shot commands). */
        public Options withTimers(boolean on) {
            return new Options(mute, language, synthesizer, audioModel, history, clock, on);
        }
    }

    private AssistantService(MiniLm minilm, SqliteAssistantStore store, Assistant assistant,
                             AssistantSettings settings, PhraseFile phrases) {
        this.minilm = minilm;
        this.store = store;
        this.assistant = assistant;
        this.settings = settings;
        this.phrases = phrases;
    }

    /**
     * Loads everything and starts the timers. Blocks for the model load and the phrase embeddings (a few seconds).
     *
     * @param home where events go while no session is attached
     * @throws IOException when the model or the phrase file cannot be read
     */
    public static AssistantService open(AppDirs dirs, Options o, EventSink home) throws IOException {
        AssistantSettings s = AssistantSettings.load(dirs.config());
        if (o.language() != null) {
            s = s.withLanguage(o.language());
        }
        if (o.mute() != null) {
            s = s.withSpeech(new dev.attend.assistant.speech.SpeechSettings(o.mute(), s.speech().voice(),
                    s.speech().rate()));
        }
        PhraseFile phrases = PhraseFile.createIfMissing(dirs.config().resolve(PHRASE_FILE));
        MiniLm minilm = MiniLm.load(false);
        SqliteAssistantStore store = null;
        try {
            store = SqliteAssistantStore.open(dirs.data());
            Assistant a = new Assistant(parts(minilm, phrases, store, s, o, dirs.cache()), home, () -> 0.0);
            a.start(o.timers());
            return new AssistantService(minilm, store, a, s, phrases);
        } catch (RuntimeException e) {
            if (store != null) {
                store.close();
            }
            minilm.close();
            throw e;
        }
    }

    private static Assistant.Parts parts(MiniLm minilm, PhraseFile phrases, SqliteAssistantStore store,
                                         AssistantSettings s, Options o, Path cacheDir) {
        Function<String, Translator> translators = pair -> {
            try {
                return ApertiumInstall.detect().open(pair);
            } catch (TranslatorUnavailableException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        };
        SpeechSynthesizer synth = o.synthesizer() != null ? o.synthesizer() : RenderingSynthesizer.forThisOs();
        TextIntentClassifier classifier = TextIntentClassifier.of(minilm::embed, phrases)
                .cachedIn(VectorCache.in(cacheDir, MiniLmFiles.BUNDLED.onnx().sha256()));
        return new Assistant.Parts(classifier, o.audioModel(),
                IntentCombiner.defaults(), SkillRegistry.builtIn(), store, store, o.history(), translators,
                new ReplyTemplates(Locale.forLanguageTag(s.language()), o.clock().getZone()), synth, s.speech(),
                o.clock(), s.targetLanguage());
    }

    public Assistant assistant() {
        return assistant;
    }

    public AssistantSettings settings() {
        return settings;
    }

    public Path phraseFile() {
        return phrases.file();
    }

    public SqliteAssistantStore store() {
        return store;
    }

    /** The assistant's event stage for a session (it attaches the assistant while the session runs). */
    public AssistantStage stage(List<String> wakeWords, boolean asr, boolean live, boolean fast) {
        List<String> wake = wakeWords.contains(settings.wakeWord()) ? List.of(settings.wakeWord()) : wakeWords;
        AssistantStage s = new AssistantStage(assistant, TapOptions.of(wake, asr, live, fast));
        current = s;
        return s;
    }

    /** The stage of the running session, or null. */
    public AssistantStage current() {
        return current;
    }

    @Override
    public void close() {
        assistant.close();
        store.close();
        minilm.close();
    }
}
