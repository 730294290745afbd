package dev.attend.ui;

import dev.attend.ui.attention.AttentionView;
import dev.attend.ui.bridge.FxPulse;
import dev.attend.ui.bridge.UiTasks;
import dev.attend.ui.bridge.WindowStartup;
import dev.attend.ui.i18n.I18n;
import dev.attend.ui.media.AudioStripView;
import dev.attend.ui.media.CameraView;
import dev.attend.ui.models.ModelManagerDialog;
import dev.attend.ui.settings.Settings;
import dev.attend.ui.settings.SettingsDialog;
import dev.attend.ui.settings.SettingsStore;
import dev.attend.ui.shell.AboutDialog;
import dev.attend.ui.shell.NotificationBar;
import dev.attend.ui.shell.ShortcutsDialog;
import dev.attend.ui.shell.StatusBarView;
import dev.attend.ui.shell.ToolbarView;
import dev.attend.ui.shell.WindowPlacement;
import dev.attend.ui.transcript.CaptionsView;
import dev.attend.ui.transcript.FloatingCaptions;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;

/**
 * The main window: previews left, captions centre, attention lab right; toolbar and notices above, assistant
 * line and status bar below. State and commands live in {@link MainViewModel}; this class lays the views out,
 * places the window, applies theme and font, and opens the dialogs ({@link WindowDialogs}).
 */
public final class MainWindow {

    private final javafx.stage.Stage stage;
    private final MainViewModel vm;
    private final FxPulse pulse;
    private final CameraView camera;
    private final AudioStripView audioStrip;
    private final CaptionsView captions;
    private final AttentionView lab;
    private final dev.attend.ui.lab.LabPane labPane;
    private final ToolbarView toolbar;
    private final StatusBarView status;
    private final FloatingCaptions floating;
    private final WindowDialogs dialogs;
    private final WindowLook look;
    private final BorderPane root = new BorderPane();
    private final SplitPane split = new SplitPane();
    private WindowPlacement.Bounds placed;

    public MainWindow(javafx.stage.Stage stage, AttendServices services, SettingsStore store, UiTasks tasks) {
        this.stage = stage;
        this.vm = new MainViewModel(services, store, tasks);
        this.pulse = new FxPulse(vm.bridge());
        I18n i18n = vm.i18n();
        camera = new CameraView(vm.latestFrame(), vm.media());
        audioStrip = new AudioStripView(vm.audioBuffer(), vm.media());
        captions = new CaptionsView(vm.transcript(), vm.translation(), i18n, this::showModelManager,
                vm::translateTyped);
        captions.fontSizeProperty().set(vm.settings().captionFontSize());
        lab = new AttentionView(vm.attention(), vm.transcript(), i18n, vm::analyzeTyped);
        javafx.scene.control.Hyperlink train = new javafx.scene.control.Hyperlink();
        train.setId("labTraining");
        train.textProperty().bind(i18n.text("training.fromLab"));
        labPane = new dev.attend.ui.lab.LabPane(vm.lab(), lab, vm.transcript(), i18n, vm.notices());
        // the lab's way to the Training window (also Ctrl+Shift+T), under the architecture and its formulas: in the
        // maps tab it would take the heatmap's height
        labPane.addToArchitecture(train);
        floating = new FloatingCaptions(stage, vm.transcript(), vm.translation(), i18n);
        look = new WindowLook(stage, vm, root, floating);
        dialogs = new WindowDialogs(stage, vm, look::styleDialog, look::applyFont);
        look.setDialogs(dialogs);
        vm.setUi(dialogs);
        vm.setOnNewSession(audioStrip::reset);
        toolbar = new ToolbarView(vm, dialogs);
        train.setOnAction(e -> dialogs.training());
        status = new StatusBarView(vm);
        vm.bridge().addRefresher(camera::refresh);
        vm.bridge().addRefresher(audioStrip::refresh);
        vm.bridge().addRefresher(captions::refresh);
        vm.bridge().addRefresher(labPane::refresh);
        vm.bridge().addRefresher(floating::refresh);
        vm.bridge().addRefresher(vm.progress()::refresh);
        build();
        vm.settingsProperty().addListener((o, a, b) -> {
            captions.fontSizeProperty().set(b.captionFontSize());
            if (a == null || !a.theme().equals(b.theme())) {
                look.applyTheme();
            }
        });
        i18n.localeProperty().addListener((o, a, b) -> look.applyFont());
        look.applyTheme();
        look.applyFont();
    }

    private void build() {
        I18n i18n = vm.i18n();
        VBox left = new VBox(6, camera, audioStrip,
                new dev.attend.ui.shell.MediaProgressBar(vm.progress(), vm.session(), i18n));
        left.setPadding(new Insets(6));
        VBox.setVgrow(camera, Priority.ALWAYS);
        camera.setPlaceholder(i18n.get("media.noVideo"));
        i18n.localeProperty().addListener((o, a, b) -> camera.setPlaceholder(i18n.get("media.noVideo")));
        split.getItems().setAll(left, captions, labPane);
        split.setDividerPositions(0.3, 0.64);
        // hiding the lab gives its room to the captions (no empty column left behind)
        toolbar.labToggle().selectedProperty().addListener((o, a, on) -> {
            if (on && !split.getItems().contains(labPane)) {
                split.getItems().add(labPane);
                split.setDividerPositions(0.3, 0.64);
            } else if (!on) {
                split.getItems().remove(labPane);
                split.setDividerPositions(0.34);
            }
        });
        toolbar.floatToggle().selectedProperty().bindBidirectional(floating.showingProperty());
        root.setTop(new VBox(toolbar, new NotificationBar(vm.notices(), i18n)));
        root.setCenter(split);
        root.setBottom(AssistantDock.build(stage, vm, status));
        root.getStyleClass().add("attend-root");
        Scene scene = new Scene(root);
        scene.getStylesheets().add(MainWindow.class.getResource("attend.css").toExternalForm());
        WindowKeys.install(scene, stage, vm, dialogs, floating, captions);
        WindowDrop.install(scene, vm);
        stage.setScene(scene);
        stage.titleProperty().bind(i18n.text("app.title"));
        stage.setMinWidth(WindowPlacement.MIN_WIDTH);
        stage.setMinHeight(WindowPlacement.MIN_HEIGHT);
        placed = WindowPlacement.place(vm.settings().window(), Screen.getPrimary().getVisualBounds());
        applyBounds();
        // some window managers resize a new window to a tiny default after it maps (JavaFX 21 on GTK): place
        // it again once it is shown
        stage.setOnShown(e -> vm.tasks().later(0, this::applyBounds));
        stage.setOnCloseRequest(e -> close());
    }

    private void applyBounds() {
        if (placed.maximized()) {
            stage.setMaximized(true);
            return;
        }
        stage.setX(placed.x());
        stage.setY(placed.y());
        stage.setWidth(placed.width());
        stage.setHeight(placed.height());
    }

    /**
     * Shows the window and starts the UI pulse; after its first frame the assistant starts loading and the first
     * session starts (the file to open, or on first start the demo when there are no devices).
     */
    public void show() {
        stage.show();
        pulse.start();
        WindowStartup.afterFirstFrame(stage.getScene(), () -> {
            vm.services().assistant().startLoading();
            if (openOnStart != null) { // "Open with Attend": the file is the session's media source
                vm.useMediaFile(openOnStart);
                vm.startSession();
            } else {
                vm.firstStart();
            }
        });
    }

    /** Saves window state and stops the session. */
    public void close() {
        vm.saveSettings(vm.settings().withWindow(new Settings.WindowState(stage.getX(), stage.getY(),
                stage.getWidth(), stage.getHeight(), stage.isMaximized())));
        pulse.stop();
        status.stop();
        floating.showingProperty().set(false);
        vm.shutdown();
    }

    // --- commands kept on the window for tests and the screenshot launcher ---

    public void startSession() {
        vm.startSession();
    }

    public void analyzeTyped(String text) {
        vm.analyzeTyped(text);
    }

    public void translateTyped(String text) {
        vm.translateTyped(text);
    }

    public void exportTo(java.nio.file.Path file) {
        vm.exportTo(file);
    }

    public void applySettings(Settings s) {
        vm.applySettings(s);
    }

    public void showModelManager() {
        dialogs.models();
    }

    public void showSettings() {
        dialogs.settings();
    }

    // --- accessors for tests, the screenshot launcher and the event-storm bench ---

    /** A media file to open and start as soon as the window shows (the launcher's file argument). */
    public void openOnStart(java.nio.file.Path file) {
        this.openOnStart = file;
    }

    private java.nio.file.Path openOnStart;

    public MainViewModel viewModel() {
        return vm;
    }

    public dev.attend.ui.bridge.EventBridge bridge() {
        return vm.bridge();
    }

    public FxPulse pulse() {
        return pulse;
    }

    public dev.attend.ui.session.SessionViewModel session() {
        return vm.session();
    }

    public dev.attend.ui.transcript.TranscriptViewModel transcript() {
        return vm.transcript();
    }

    public dev.attend.ui.translation.TranslationViewModel translation() {
        return vm.translation();
    }

    public dev.attend.ui.attention.AttentionViewModel attention() {
        return vm.attention();
    }

    /** The lab's tabs (maps, architecture, heads, speakers). */
    public dev.attend.ui.lab.LabPane labPane() {
        return labPane;
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

    public FloatingCaptions floatingCaptions() {
        return floating;
    }

    public I18n i18n() {
        return vm.i18n();
    }

    public Settings settings() {
        return vm.settings();
    }

    public ModelManagerDialog modelDialog() {
        return dialogs.modelDialog();
    }

    public WindowDialogs dialogs() {
        return dialogs;
    }

    public javafx.stage.Stage stage() {
        return stage;
    }
}
