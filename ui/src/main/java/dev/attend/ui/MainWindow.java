package dev.attend.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.attend.media.AudioChunk;
import dev.attend.media.VideoFrame;
import dev.attend.pipeline.Stage;
import dev.attend.ui.assistant.AssistantViewModel;
import dev.attend.ui.attention.AttentionView;
import dev.attend.ui.attention.AttentionViewModel;
import dev.attend.ui.bridge.EventBridge;
import dev.attend.ui.bridge.FxPulse;
import dev.attend.ui.bridge.UiTasks;
import dev.attend.ui.i18n.I18n;
import dev.attend.ui.media.AudioPreviewBuffer;
import dev.attend.ui.media.AudioPreviewStage;
import dev.attend.ui.media.AudioStripView;
import dev.attend.ui.media.CameraView;
import dev.attend.ui.media.MediaViewModel;
import dev.attend.ui.media.PreviewFrame;
import dev.attend.ui.media.VideoPreviewStage;
import dev.attend.ui.models.ModelInfo;
import dev.attend.ui.models.ModelManagerDialog;
import dev.attend.ui.models.ModelManagerViewModel;
import dev.attend.ui.session.SessionRequest;
import dev.attend.ui.session.SessionViewModel;
import dev.attend.ui.settings.Settings;
import dev.attend.ui.settings.SettingsDialog;
import dev.attend.ui.settings.SettingsStore;
import dev.attend.ui.transcript.CaptionsView;
import dev.attend.ui.transcript.TranscriptExport;
import dev.attend.ui.transcript.TranscriptViewModel;
import dev.attend.ui.translation.TranslationViewModel;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window: previews left, captions centre, attention lab right, assistant line and status bar below.
 * Wires the view-models to the one {@link EventBridge}, drained by one {@link FxPulse}.
 */
public final class MainWindow {

    private static final Logger LOG = LoggerFactory.getLogger(MainWindow.class);

    private final javafx.stage.Stage stage;
    private final AttendServices services;
    private final SettingsStore store;
    private final UiTasks tasks;
    private final I18n i18n;
    private final EventBridge bridge = new EventBridge();
    private final FxPulse pulse = new FxPulse(bridge);
    private final AtomicReference<PreviewFrame> latestFrame = new AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicInteger typedUtterance = new java.util.concurrent.atomic.AtomicInteger();
    private final AudioPreviewBuffer audioBuffer = new AudioPreviewBuffer();
    private final MediaViewModel media = new MediaViewModel();
    private final TranscriptViewModel transcript = new TranscriptViewModel();
    private final TranslationViewModel translation;
    private final AttentionViewModel attention = new AttentionViewModel();
    private final AssistantViewModel assistant = new AssistantViewModel();
    private final SessionViewModel session;
    private final ModelManagerViewModel models;
    private final CameraView camera;
    private final AudioStripView audioStrip;
    private final CaptionsView captions;
    private final AttentionView lab;
    private final BorderPane root = new BorderPane();
    private final Label modelLabel = new Label();
    private final Label cpuLabel = new Label();
    private Settings settings;
    private ModelManagerDialog modelDialog;

    public MainWindow(javafx.stage.Stage stage, AttendServices services, SettingsStore store, UiTasks tasks) {
        this.stage = stage;
        this.services = services;
        this.store = store;
        this.tasks = tasks;
        boolean firstStart = !store.exists();
        this.settings = store.load();
        this.i18n = new I18n(I18n.fromTag(settings.uiLanguage()));
        this.translation = new TranslationViewModel(services.pairs());
        if (!settings.translationPair().isEmpty()) {
            translation.selectedPairProperty().set(settings.translationPair());
        }
        this.models = new ModelManagerViewModel(services.models(), tasks);
        models.setOnInstalledChanged(this::checkModel);
        this.session = new SessionViewModel(services.sessions(), bridge, tasks, this::newPreviews, this::resetViews);
        session.sourceProperty().set(SessionRequest.Source.valueOf(switch (settings.source()) {
            case "devices" -> "DEVICES";
            case "file" -> "FILE";
            default -> "DEMO";
        }));
        camera = new CameraView(latestFrame, media);
        audioStrip = new AudioStripView(audioBuffer, media);
        captions = new CaptionsView(transcript, translation, i18n, this::showModelManager, this::translateTyped);
        captions.fontSizeProperty().set(settings.captionFontSize());
        lab = new AttentionView(attention, transcript, i18n, this::analyzeTyped);

        for (var l : List.of(media, transcript, translation, attention, assistant, session)) {
            bridge.addListener(l);
        }
        bridge.addRefresher(camera::refresh);
        bridge.addRefresher(audioStrip::refresh);
        bridge.addRefresher(captions::refresh);
        bridge.addRefresher(lab::refresh);
        build();
        i18n.localeProperty().addListener((o, a, b) -> applyFont());
        applyTheme();
        applyFont();
        checkModel();
        if (firstStart) {
            preferDevicesIfPresent();
        }
    }

    /** First start: live devices when there is a microphone, else the demo clip (the default). */
    private void preferDevicesIfPresent() {
        tasks.run(() -> !dev.attend.audio.AudioDevices.inputs().isEmpty(), hasMic -> {
            if (hasMic && session.stateProperty().get() == SessionViewModel.State.IDLE
                    && session.sourceProperty().get() == SessionRequest.Source.DEMO) {
                session.sourceProperty().set(SessionRequest.Source.DEVICES);
            }
        }, e -> { });
    }

    /**
     * Runs the text model on a typed sentence off the UI thread; its real attention events take the bridge like a
     * session's. Typed sentences get negative utterance ids so they never merge with a transcript's.
     */
    public void analyzeTyped(String text) {
        int utterance = typedUtterance.decrementAndGet();
        attention.analyzingProperty().set(true);
        attention.analysisMessageProperty().set(i18n.get("attention.analyzing"));
        tasks.run(() -> services.textAttention().analyze(text, utterance, bridge), n -> {
            attention.analyzingProperty().set(false);
            attention.analysisMessageProperty().set("");
        }, e -> {
            attention.analyzingProperty().set(false);
            attention.analysisMessageProperty().set(e.getMessage() != null ? e.getMessage() : e.toString());
        });
    }

    /** Translates a typed sentence with the chosen pair off the UI thread; the result takes the bridge. */
    public void translateTyped(String text) {
        String pair = translation.selectedPairProperty().get();
        if (pair == null || pair.isBlank()) {
            return;
        }
        int utterance = typedUtterance.decrementAndGet();
        tasks.run(() -> {
            services.textTranslation().translate(pair, text, utterance, bridge);
            return pair;
        }, p -> { }, e -> session.errorProperty().set(e.getMessage() != null ? e.getMessage() : e.toString()));
    }

    private SessionViewModel.Previews newPreviews() {
        List<Stage<AudioChunk>> a = List.of(new AudioPreviewStage(audioBuffer));
        List<Stage<VideoFrame>> v = List.of(new VideoPreviewStage(latestFrame));
        return new SessionViewModel.Previews(a, v);
    }

    private void resetViews() {
        latestFrame.set(null);
        audioBuffer.clear();
        audioStrip.reset();
    }

    private void build() {
        root.setTop(toolbar());
        VBox left = new VBox(6, camera, audioStrip);
        left.setPadding(new Insets(6));
        VBox.setVgrow(camera, Priority.ALWAYS);
        camera.setPlaceholder(i18n.get("media.noVideo"));
        i18n.localeProperty().addListener((o, a, b) -> camera.setPlaceholder(i18n.get("media.noVideo")));
        SplitPane split = new SplitPane(left, captions, lab);
        split.setDividerPositions(0.3, 0.64);
        root.setCenter(split);
        root.setBottom(bottom());
        root.getStyleClass().add("attend-root");
        Scene scene = new Scene(root, 1440, 900);
        scene.getStylesheets().add(MainWindow.class.getResource("attend.css").toExternalForm());
        installKeys(scene);
        stage.setScene(scene);
        stage.titleProperty().bind(i18n.text("app.title"));
        Settings.WindowState w = settings.window();
        if (w.width() > 200 && w.height() > 200) {
            stage.setX(w.x());
            stage.setY(w.y());
            stage.setWidth(w.width());
            stage.setHeight(w.height());
            stage.setMaximized(w.maximized());
        }
        stage.setOnCloseRequest(e -> close());
    }

    private ToolBar toolbar() {
        Button start = button("session.start", new FontIcon(Material2MZ.PLAY_ARROW));
        start.setId("startButton");
        start.setOnAction(e -> startSession());
        start.disableProperty().bind(session.stateProperty().isNotEqualTo(SessionViewModel.State.IDLE));
        ToggleButton pause = new ToggleButton(null, new FontIcon(Material2MZ.PAUSE));
        pause.textProperty().bind(i18n.text("session.pause"));
        pause.setId("pauseButton");
        pause.setOnAction(e -> session.togglePause());
        session.stateProperty().addListener((o, a, b) -> pause.setSelected(b == SessionViewModel.State.PAUSED));
        pause.disableProperty().bind(session.stateProperty().isEqualTo(SessionViewModel.State.IDLE)
                .or(session.stateProperty().isEqualTo(SessionViewModel.State.STARTING)));
        Button stop = button("session.stop", new FontIcon(Material2MZ.STOP));
        stop.setId("stopButton");
        stop.setOnAction(e -> session.stop());
        stop.disableProperty().bind(session.stateProperty().isEqualTo(SessionViewModel.State.IDLE));

        ChoiceBox<SessionRequest.Source> source = new ChoiceBox<>();
        source.getItems().setAll(SessionRequest.Source.values());
        source.valueProperty().bindBidirectional(session.sourceProperty());
        source.setId("sourcePicker");
        source.setConverter(new StringConverter<>() {
            @Override
            public String toString(SessionRequest.Source s) {
                if (s == null) {
                    return "";
                }
                Path f = session.fileProperty().get();
                return s == SessionRequest.Source.FILE && f != null ? f.getFileName().toString()
                        : i18n.get("source." + s.name().toLowerCase(java.util.Locale.ROOT));
            }

            @Override
            public SessionRequest.Source fromString(String s) {
                return null;
            }
        });
        Button openFile = button("session.openFile", new FontIcon(Material2AL.FOLDER_OPEN));
        openFile.setOnAction(e -> chooseMediaFile());
        Button openEvents = button("session.openEvents", new FontIcon(Material2AL.HISTORY));
        openEvents.setId("openEvents");
        openEvents.setOnAction(e -> chooseEventsFile());
        Button export = button("menu.export", new FontIcon(Material2MZ.SAVE_ALT));
        export.setOnAction(e -> exportTranscript());
        Button modelsBtn = button("menu.models", new FontIcon(Material2AL.LIBRARY_BOOKS));
        modelsBtn.setId("modelsButton");
        modelsBtn.setOnAction(e -> showModelManager());
        Button settingsBtn = button("menu.settings", new FontIcon(Material2MZ.SETTINGS));
        settingsBtn.setId("settingsButton");
        settingsBtn.setOnAction(e -> showSettings());
        Button historyBtn = button("history.open", new FontIcon(Material2AL.HISTORY_EDU)); // issue 12
        historyBtn.setId("historyButton");
        historyBtn.setOnAction(e -> dev.attend.ui.history.HistoryWindow.show(stage, services.dirs(), i18n, tasks,
                events -> session.replay(events, true)));
        shortcut(historyBtn, "history.open", "Ctrl+H");
        ToggleButton labToggle = new ToggleButton(null, new FontIcon(Material2AL.GRID_ON));
        labToggle.textProperty().bind(i18n.text("attention.title"));
        labToggle.setSelected(true);
        labToggle.setId("labToggle");
        lab.visibleProperty().bind(labToggle.selectedProperty());
        lab.managedProperty().bind(labToggle.selectedProperty());
        shortcut(pause, "session.pause", "Space");
        shortcut(export, "menu.export", "Ctrl+E");
        shortcut(modelsBtn, "menu.models", "Ctrl+M");
        Label error = new Label();
        error.textProperty().bind(session.errorProperty());
        error.getStyleClass().add("danger");
        error.setId("sessionError");
        return new ToolBar(start, pause, stop, new Separator(), source, openFile, openEvents, new Separator(),
                export, modelsBtn, settingsBtn, historyBtn, labToggle, error);
    }

    private void shortcut(javafx.scene.control.Control c, String key, String keys) {
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(Bindings.concat(i18n.text(key), " (", keys, ")"));
        c.setTooltip(tip);
    }

    private Button button(String key, Node icon) {
        Button b = new Button(null, icon);
        b.textProperty().bind(i18n.text(key));
        return b;
    }

    private VBox bottom() {
        Label wake = new Label();
        wake.textProperty().bind(Bindings.createStringBinding(() -> {
            String st = assistant.stateProperty().get();
            boolean known = "idle".equals(st) || "speech".equals(st) || "listening".equals(st);
            return i18n.get("assistant.state") + " " + (known ? i18n.get("assistant." + st) : st);
        }, assistant.stateProperty(), i18n.localeProperty()));
        wake.setId("assistantState");
        Label intent = new Label();
        intent.textProperty().bind(Bindings.concat(i18n.text("assistant.intent"), " ", assistant.intentProperty()));
        Label reply = new Label();
        reply.textProperty().bind(Bindings.concat(i18n.text("assistant.reply"), " ", assistant.replyProperty()));
        HBox line = new HBox(24, new FontIcon(Material2MZ.RECORD_VOICE_OVER), wake, intent, reply);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("assistant-line");

        Label latency = new Label();
        latency.textProperty().bind(Bindings.concat(i18n.text("status.latency"), " ", assistant.latencyProperty()));
        latency.setId("statusLatency");
        Label drops = new Label();
        drops.textProperty().bind(Bindings.concat(i18n.text("status.drops"), " ", assistant.dropsProperty()));
        Label sess = new Label();
        sess.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("status.session") + " "
                + i18n.get("state." + session.stateProperty().get().name().toLowerCase(java.util.Locale.ROOT))
                + (session.stateProperty().get() == SessionViewModel.State.IDLE
                ? " " + assistant.sessionProperty().get() : ""), session.stateProperty(), assistant.sessionProperty(),
                i18n.localeProperty()));
        sess.setId("statusSession");
        Label err = new Label();
        err.textProperty().bind(assistant.lastErrorProperty());
        modelLabel.setId("statusModel");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox status = new HBox(20, modelLabel, latency, cpuLabel, drops, sess, grow, err);
        status.setAlignment(Pos.CENTER_LEFT);
        status.getStyleClass().add("status-bar");
        // CPU of this process, sampled once a second (a cheap MXBean read)
        Timeline cpu = new Timeline(new KeyFrame(Duration.seconds(1), e -> cpuLabel.setText(i18n.get("status.cpu")
                + " " + cpuPercent())));
        cpu.setCycleCount(Timeline.INDEFINITE);
        cpu.play();
        VBox box = new VBox(4, line, status);
        box.setPadding(new Insets(4, 8, 4, 8));
        return box;
    }

    private static String cpuPercent() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            double load = sun.getProcessCpuLoad();
            return load < 0 ? "–" : String.format("%.0f%%", load * 100);
        }
        return "–";
    }

    private void installKeys(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE && !(scene.getFocusOwner() instanceof TextInputControl)) {
                session.togglePause();
                e.consume();
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN),
                this::exportTranscript);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN),
                this::showModelManager);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN),
                () -> ((Button) root.lookup("#historyButton")).fire());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F11), () -> stage.setFullScreen(
                !stage.isFullScreen()));
    }

    /** Shows the window and starts the UI pulse. */
    public void show() {
        stage.show();
        pulse.start();
    }

    public void startSession() {
        SessionRequest.Source src = session.sourceProperty().get();
        Path file = session.fileProperty().get();
        if (src == SessionRequest.Source.FILE && file == null) {
            chooseMediaFile();
            file = session.fileProperty().get();
            if (file == null) {
                return;
            }
        }
        List<String> wake = settings.wakeWord().isBlank() ? List.of() : List.of(settings.wakeWord());
        String pair = translation.selectedPairProperty().get();
        session.start(new SessionRequest(src, settings.mic(), settings.camera(), file, true,
                pair == null || pair.isBlank() ? null : pair, wake, settings.wakeThreshold()));
        saveSettings(settings.withSource(src.name().toLowerCase(java.util.Locale.ROOT)));
    }

    private void chooseMediaFile() {
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Audio/video", "*.wav", "*.mp4", "*.mkv",
                "*.webm", "*.mov", "*.avi"));
        File f = fc.showOpenDialog(stage);
        if (f != null) {
            session.fileProperty().set(f.toPath());
            session.sourceProperty().set(null);
            session.sourceProperty().set(SessionRequest.Source.FILE);
        }
    }

    private void chooseEventsFile() {
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Events (JSON lines)", "*.jsonl", "*.json"));
        File f = fc.showOpenDialog(stage);
        if (f != null) {
            session.replay(f.toPath(), true);
        }
    }

    /** Ctrl+E: writes settled utterances and translations as TXT, SRT, VTT or JSON (by the chosen extension). */
    public void exportTranscript() {
        FileChooser fc = new FileChooser();
        for (TranscriptExport.Format f : TranscriptExport.Format.values()) {
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(f.name(), "*." + f.extension()));
        }
        fc.setInitialFileName("transcript.srt");
        File f = fc.showSaveDialog(stage);
        if (f != null) {
            exportTo(f.toPath());
        }
    }

    /** Writes the export off the UI thread. */
    public void exportTo(Path file) {
        TranscriptExport.Format format = TranscriptExport.Format.forFileName(file.getFileName().toString());
        String text = TranscriptExport.format(format, transcript.finals(), translation.snapshot());
        tasks.run(() -> Files.writeString(file, text, StandardCharsets.UTF_8), p -> { },
                e -> session.errorProperty().set(file + ": cannot write (" + e.getMessage() + ")"));
    }

    /** Ctrl+M. */
    public void showModelManager() {
        if (modelDialog == null) {
            modelDialog = new ModelManagerDialog(stage, models, i18n);
            modelDialog.stage().getScene().getStylesheets().addAll(stage.getScene().getStylesheets());
            applyFont();
        } else {
            models.refresh();
        }
        modelDialog.show();
    }

    public void showSettings() {
        SettingsDialog d = new SettingsDialog(stage, settings, translation.pairs(), i18n, tasks);
        if (i18n.fontFamily() != null) {
            d.getDialogPane().setStyle(fontStyle());
        }
        d.ask().ifPresent(this::applySettings);
    }

    /** Applies and saves new settings (theme, language and caption size take effect at once). */
    public void applySettings(Settings s) {
        saveSettings(s);
        i18n.localeProperty().set(I18n.fromTag(s.uiLanguage()));
        captions.fontSizeProperty().set(s.captionFontSize());
        if (!s.translationPair().isBlank()) {
            translation.selectedPairProperty().set(s.translationPair());
        }
        applyTheme();
    }

    private void saveSettings(Settings s) {
        settings = s;
        try {
            store.save(s);
        } catch (IOException e) {
            LOG.warn("{}: settings not saved: {}", store.file(), e.getMessage());
        }
    }

    private void applyTheme() {
        Application.setUserAgentStylesheet("dark".equals(settings.theme())
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    private String fontStyle() {
        return "-fx-font-family: \"" + i18n.fontFamily() + "\";";
    }

    /** Chinese needs an explicit CJK-capable family, else glyphs render as boxes. */
    private void applyFont() {
        String style = i18n.fontFamily() == null ? "" : fontStyle();
        root.setStyle(style);
        if (modelDialog != null) {
            modelDialog.root().setStyle(style);
        }
    }

    private void checkModel() {
        tasks.run(() -> services.models().installed(), list -> {
            transcript.modelMissingProperty().set(list.isEmpty());
            modelLabel.setText(list.stream().filter(ModelInfo::inUse).findFirst()
                    .or(() -> list.stream().findFirst()).map(m -> "Vosk: " + m.name())
                    .orElse(i18n.get("status.noModel")));
        }, e -> transcript.modelMissingProperty().set(true));
    }

    /** Saves window state and stops the session. */
    public void close() {
        saveSettings(settings.withWindow(new Settings.WindowState(stage.getX(), stage.getY(), stage.getWidth(),
                stage.getHeight(), stage.isMaximized())));
        pulse.stop();
        session.shutdown();
    }

    // --- accessors for tests, the screenshot hook and the event-storm bench ---

    public EventBridge bridge() {
        return bridge;
    }

    public FxPulse pulse() {
        return pulse;
    }

    public SessionViewModel session() {
        return session;
    }

    public TranscriptViewModel transcript() {
        return transcript;
    }

    public TranslationViewModel translation() {
        return translation;
    }

    public AttentionViewModel attention() {
        return attention;
    }

    public AttentionView attentionView() {
        return lab;
    }

    public CaptionsView captions() {
        return captions;
    }

    public CameraView camera() {
        return camera;
    }

    public AudioStripView audioStrip() {
        return audioStrip;
    }

    public I18n i18n() {
        return i18n;
    }

    public Settings settings() {
        return settings;
    }

    public ModelManagerDialog modelDialog() {
        return modelDialog;
    }

    public javafx.stage.Stage stage() {
        return stage;
    }
}
