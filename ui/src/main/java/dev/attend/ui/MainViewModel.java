package dev.attend.ui;

import dev.attend.ui.assistant.AssistantViewModel;
import dev.attend.ui.assistant.ConversationViewModel;
import dev.attend.ui.attention.AttentionViewModel;
import dev.attend.ui.bridge.EventBridge;
import dev.attend.ui.bridge.UiTasks;
import dev.attend.ui.i18n.I18n;
import dev.attend.ui.media.AudioPreviewBuffer;
import dev.attend.ui.media.MediaViewModel;
import dev.attend.ui.media.PreviewFrame;
import dev.attend.ui.models.ModelInfo;
import dev.attend.ui.models.ModelManagerViewModel;
import dev.attend.ui.session.SessionRequest;
import dev.attend.ui.session.SessionViewModel;
import dev.attend.ui.settings.Settings;
import dev.attend.ui.settings.SettingsStore;
import dev.attend.ui.shell.Notifications;
import dev.attend.ui.transcript.TranscriptViewModel;
import dev.attend.ui.translation.TranslationViewModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window's state and commands, without nodes: the feature view-models on the one {@link EventBridge},
 * the settings (saved on every change), the notices, and Start / Stop / Pause / Export / typed text. Questions
 * to the user (confirmations, file choosers) go through the {@link Ui} port the window implements. The commands
 * live in {@link SessionCommands} and {@link TextCommands}; this class holds the state and wires the parts.
 */
public final class MainViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(MainViewModel.class);

    /** What the view-model asks of the window. */
    public interface Ui {
        /** A yes/no question; true = go on. */
        boolean confirm(String title, String message, String okLabel);

        /** Lets the user pick a media file (sets the session's file), then starts when one was chosen. */
        void chooseMediaFileAndStart();
    }

    private final AttendServices services;
    private final SettingsStore store;
    private final UiTasks tasks;
    private final I18n i18n;
    private final EventBridge bridge = new EventBridge();
    private final TranscriptViewModel transcript = new TranscriptViewModel();
    private final TranslationViewModel translation;
    private final AttentionViewModel attention = new AttentionViewModel();
    private final SessionViews views;
    private final dev.attend.ui.lab.LabViewModel lab = new dev.attend.ui.lab.LabViewModel(attention);
    private final AssistantViewModel assistant = new AssistantViewModel();
    private final ConversationViewModel conversation;
    private final SessionViewModel session;
    private final ModelManagerViewModel models;
    private final Notifications notices = new Notifications();
    private final ObjectProperty<Settings> settings = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper modelName = new ReadOnlyStringWrapper("");
    private final boolean firstStart;
    private final SessionCommands sessionCommands = new SessionCommands(this);
    private final TextCommands textCommands = new TextCommands(this);

    public MainViewModel(AttendServices services, SettingsStore store, UiTasks tasks) {
        this.services = services;
        this.store = store;
        this.tasks = tasks;
        this.firstStart = !store.exists();
        settings.set(store.load());
        this.i18n = new I18n(I18n.fromTag(settings.get().uiLanguage()));
        this.translation = new TranslationViewModel(services.pairs());
        this.views = new SessionViews(transcript, translation, attention);
        this.conversation = new ConversationViewModel(services.assistant(), tasks);
        if (!settings.get().translationPair().isEmpty()) {
            translation.selectedPairProperty().set(settings.get().translationPair());
        }
        this.models = new ModelManagerViewModel(services.models(), tasks, i18n);
        // "This is me" in the captions: profiles live in the data dir, as `attend speakers enroll` keeps them
        transcript.setEnroller(p -> dev.attend.speaker.SpeakerProfileStore.inDataDir(services.dirs().data()).save(p));
        models.setOnInstalledChanged(this::checkModel);
        this.session = new SessionViewModel(services.sessions(), bridge, tasks, views::newPreviews, views::reset);
        session.sourceProperty().set(switch (settings.get().source()) {
            case "devices" -> SessionRequest.Source.DEVICES;
            case "file" -> SessionRequest.Source.FILE;
            default -> SessionRequest.Source.DEMO;
        });
        session.setOnSeek(t -> views.seek());
        String last = settings.get().lastMediaFile();
        if (!last.isBlank() && Files.isReadable(Path.of(last))) {
            session.fileProperty().set(Path.of(last));
        }
        session.errorProperty().addListener((o, a, b) -> {
            if (b != null && !b.isBlank()) {
                notices.error(b, null);
            }
        });
        views.media().subscribe(bridge);
        views.progress().subscribe(bridge);
        transcript.subscribe(bridge);
        translation.subscribe(bridge);
        attention.subscribe(bridge);
        lab.subscribe(bridge);
        lab.followModel(bridge, tasks, services.fusionFacts(),
                msg -> notices.warn(i18n.get("lab.fusionUnavailable", msg)));
        assistant.subscribe(bridge);
        conversation.subscribe(bridge);
        session.subscribe(bridge);
        checkModel();
    }

    public void setUi(Ui ui) {
        sessionCommands.setUi(ui);
    }

    /** For tests: whether a microphone exists (the default asks Java Sound). */
    public void setHasDevices(BooleanSupplier s) {
        sessionCommands.setHasDevices(s);
    }

    /** Runs when a new session clears the views (the window resets its previews). */
    public void setOnNewSession(Runnable r) {
        views.setOnNewSession(r);
    }

    /**
     * First start: live devices when there is a microphone; otherwise the demo clip plays by itself with a
     * one-line welcome ({@code -Dattend.demo.autostart=false} turns that off, for tests).
     */
    public void firstStart() {
        if (firstStart) {
            sessionCommands.firstStart();
        }
    }

    /** Start: asks before earlier work is cleared; with no devices offers the demo or a file instead. */
    public void startSession() {
        sessionCommands.startSession();
    }

    /** Replays an events file, after asking before earlier work is cleared. */
    public void replay(Path events) {
        sessionCommands.replay(events);
    }

    /** A media file chosen (file dialog or drag-and-drop): remembered, selected as the source. */
    public void useMediaFile(Path f) {
        sessionCommands.useMediaFile(f);
    }

    /** Runs MiniLM on a typed sentence off the UI thread; its attention events take the bridge. */
    public void analyzeTyped(String text) {
        textCommands.analyzeTyped(text);
    }

    /** A typed sentence becomes a transcript row at once; Apertium's translation fills its right side. */
    public void translateTyped(String text) {
        textCommands.translateTyped(text);
    }

    /** Writes the export off the UI thread; an empty transcript writes nothing and says so. */
    public void exportTo(Path file) {
        textCommands.exportTo(file);
    }

    /** Applies and saves new settings; the window follows theme, language and caption size. */
    public void applySettings(Settings s) {
        saveSettings(s);
        i18n.localeProperty().set(I18n.fromTag(s.uiLanguage()));
        if (!s.translationPair().isBlank()) {
            translation.selectedPairProperty().set(s.translationPair());
        }
    }

    public void saveSettings(Settings s) {
        settings.set(s);
        try {
            store.save(s);
        } catch (IOException e) {
            LOG.warn("{}: settings not saved: {}", store.file(), e.getMessage());
        }
    }

    /** Re-reads the installed models: the status bar names the one in use; none → the transcript's banner. */
    public void checkModel() {
        tasks.run(() -> services.models().installed(), list -> {
            transcript.modelMissingProperty().set(list.isEmpty());
            modelName.set(list.stream().filter(ModelInfo::inUse).findFirst().or(() -> list.stream().findFirst())
                    .map(ModelInfo::name).orElse(""));
        }, e -> transcript.modelMissingProperty().set(true));
    }

    /** Stops the session (window closing). */
    public void shutdown() {
        session.shutdown();
    }

    public EventBridge bridge() {
        return bridge;
    }

    public AtomicReference<PreviewFrame> latestFrame() {
        return views.latestFrame();
    }

    public AudioPreviewBuffer audioBuffer() {
        return views.audioBuffer();
    }

    public MediaViewModel media() {
        return views.media();
    }

    /** Position, duration and (fast files) time left of the file session. */
    public dev.attend.ui.session.MediaProgress progress() {
        return views.progress();
    }

    public TranscriptViewModel transcript() {
        return transcript;
    }

    public TranslationViewModel translation() {
        return translation;
    }

    /** The fusion lab around the attention maps (signals, diagram, speakers). */
    public dev.attend.ui.lab.LabViewModel lab() {
        return lab;
    }

    public AttentionViewModel attention() {
        return attention;
    }

    public AssistantViewModel assistant() {
        return assistant;
    }

    /** The assistant pane's conversation, timers, notes and settings. */
    public ConversationViewModel conversation() {
        return conversation;
    }

    public SessionViewModel session() {
        return session;
    }

    public ModelManagerViewModel models() {
        return models;
    }

    public Notifications notices() {
        return notices;
    }

    public I18n i18n() {
        return i18n;
    }

    public ObjectProperty<Settings> settingsProperty() {
        return settings;
    }

    public Settings settings() {
        return settings.get();
    }

    /** The speech model in use ("" when none is installed). */
    public ReadOnlyStringProperty modelNameProperty() {
        return modelName.getReadOnlyProperty();
    }

    public AttendServices services() {
        return services;
    }

    public UiTasks tasks() {
        return tasks;
    }
}
