package dev.attend.ui.shell;

import dev.attend.ui.MainViewModel;
import dev.attend.ui.i18n.I18n;
import dev.attend.ui.session.SessionRequest;
import dev.attend.ui.session.SessionViewModel;
import dev.attend.ui.session.SessionViewModel.State;
import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The toolbar: Start / Pause / Stop, the source picker, open media and events, export, model manager, settings,
 * the lab and floating-captions toggles and Help. Below {@link #COMPACT_WIDTH} the secondary buttons show only
 * their icons (with their name and shortcut as tooltip), so nothing falls into the overflow menu at 1024 px.
 */
public final class ToolbarView extends ToolBar {

    /** Window widths below this show icon-only secondary buttons. */
    public static final double COMPACT_WIDTH = 1700;

    /** What the toolbar's buttons do beyond the view-model's commands (dialogs belong to the window). */
    public interface Actions {
        void openMedia();

        void openEvents();

        void export();

        void models();

        void settings();

        /** The session history window (issue 12). */
        void history();

        void shortcuts();

        /** The Training window (watch the fusion model train, calibrate it). */
        default void training() {
        }

        void about();
    }

    private final ToggleButton labToggle;
    private final ToggleButton floatToggle;

    public ToolbarView(MainViewModel vm, Actions actions) {
        I18n i18n = vm.i18n();
        SessionViewModel session = vm.session();
        Button start = button(i18n, "session.start", Material2MZ.PLAY_ARROW, "Ctrl+Enter");
        start.setId("startButton");
        start.setOnAction(e -> vm.startSession());
        start.disableProperty().bind(session.stateProperty().isNotEqualTo(State.IDLE));
        ToggleButton pause = new ToggleButton(null, new FontIcon(Material2MZ.PAUSE));
        pause.textProperty().bind(i18n.text("session.pause"));
        tip(pause, i18n, "session.pause", "Space");
        pause.setId("pauseButton");
        pause.setOnAction(e -> session.togglePause());
        session.stateProperty().addListener((o, a, b) -> pause.setSelected(b == State.PAUSED));
        pause.disableProperty().bind(session.stateProperty().isNotEqualTo(State.RUNNING)
                .and(session.stateProperty().isNotEqualTo(State.PAUSED)));
        Button stop = button(i18n, "session.stop", Material2MZ.STOP, "Ctrl+.");
        stop.setId("stopButton");
        stop.setOnAction(e -> session.stop());
        stop.disableProperty().bind(session.stateProperty().isEqualTo(State.IDLE)
                .or(session.stateProperty().isEqualTo(State.STOPPING)));

        ChoiceBox<SessionRequest.Source> source = sourcePicker(session, i18n);
        Button openFile = button(i18n, "session.openFile", Material2AL.FOLDER_OPEN, "Ctrl+O");
        openFile.setId("openMedia");
        openFile.setOnAction(e -> actions.openMedia());
        CheckBox fast = new CheckBox();
        fast.textProperty().bind(i18n.text("session.fast"));
        fast.setId("fastToggle");
        tip(fast, i18n, "session.fastTip", null);
        fast.setSelected(vm.settings().fast());
        fast.selectedProperty().addListener((o, a, b) -> vm.saveSettings(vm.settings().withFast(b)));
        fast.disableProperty().bind(session.stateProperty().isNotEqualTo(State.IDLE));
        Button openEvents = button(i18n, "session.openEvents", Material2AL.HISTORY, null);
        openEvents.setId("openEvents");
        openEvents.setOnAction(e -> actions.openEvents());
        Button export = button(i18n, "menu.export", Material2MZ.SAVE_ALT, "Ctrl+E");
        export.setId("exportButton");
        export.setOnAction(e -> actions.export());
        Button models = button(i18n, "menu.models", Material2AL.LIBRARY_BOOKS, "Ctrl+M");
        models.setId("modelsButton");
        models.setOnAction(e -> actions.models());
        Button history = button(i18n, "history.open", Material2AL.HISTORY_EDU, "Ctrl+H");
        history.setId("historyButton");
        history.setOnAction(e -> actions.history());
        Button settings = button(i18n, "menu.settings", Material2MZ.SETTINGS, "Ctrl+,");
        settings.setId("settingsButton");
        settings.setOnAction(e -> actions.settings());
        labToggle = new ToggleButton(null, new FontIcon(Material2AL.GRID_ON));
        labToggle.textProperty().bind(i18n.text("attention.title"));
        tip(labToggle, i18n, "attention.title", null);
        labToggle.setSelected(true);
        labToggle.setId("labToggle");
        floatToggle = new ToggleButton(null, new FontIcon(Material2MZ.OPEN_IN_NEW));
        floatToggle.textProperty().bind(i18n.text("captions.float"));
        tip(floatToggle, i18n, "captions.float", "Ctrl+L");
        floatToggle.setId("floatToggle");
        MenuButton help = new MenuButton(null, new FontIcon(Material2AL.HELP_OUTLINE));
        help.textProperty().bind(i18n.text("menu.help"));
        help.setId("helpMenu");
        MenuItem keys = new MenuItem();
        keys.textProperty().bind(i18n.text("menu.shortcuts"));
        keys.setOnAction(e -> actions.shortcuts());
        MenuItem about = new MenuItem();
        about.textProperty().bind(i18n.text("menu.about"));
        about.setId("aboutItem");
        about.setOnAction(e -> actions.about());
        MenuItem training = new MenuItem();
        training.textProperty().bind(i18n.text("training.open"));
        training.setId("trainingItem");
        training.setAccelerator(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.T,
                javafx.scene.input.KeyCombination.SHORTCUT_DOWN));
        training.setOnAction(e -> actions.training());
        help.getItems().addAll(keys, about, training);

        getItems().addAll(start, pause, stop, new Separator(), source, openFile, fast, openEvents, new Separator(),
                export, models, history, settings, labToggle, floatToggle, help);
        setId("toolbar");
        // narrow windows: secondary buttons as icons only (their tooltips name them)
        BooleanBinding compact = Bindings.createBooleanBinding(() -> getScene() != null
                && getScene().getWidth() < COMPACT_WIDTH, sceneProperty(), widthProperty());
        for (Labeled l : new Labeled[] {openFile, openEvents, export, models, history, settings, labToggle, floatToggle,
                help}) {
            l.contentDisplayProperty().bind(Bindings.when(compact).then(ContentDisplay.GRAPHIC_ONLY)
                    .otherwise(ContentDisplay.LEFT));
        }
    }

    private static ChoiceBox<SessionRequest.Source> sourcePicker(SessionViewModel session, I18n i18n) {
        ChoiceBox<SessionRequest.Source> source = new ChoiceBox<>();
        source.getItems().setAll(SessionRequest.Source.values());
        source.valueProperty().bindBidirectional(session.sourceProperty());
        source.setId("sourcePicker");
        source.disableProperty().bind(session.stateProperty().isNotEqualTo(State.IDLE));
        source.setConverter(new StringConverter<>() {
            @Override
            public String toString(SessionRequest.Source s) {
                if (s == null) {
                    return "";
                }
                Path f = session.fileProperty().get();
                return s == SessionRequest.Source.FILE && f != null ? f.getFileName().toString()
                        : i18n.get("source." + s.name().toLowerCase(Locale.ROOT));
            }

            @Override
            public SessionRequest.Source fromString(String s) {
                return null;
            }
        });
        // relabel the items: a ChoiceBox shows its converter's text only when the items change
        i18n.localeProperty().addListener((o, a, b) -> {
            SessionRequest.Source v = source.getValue();
            source.getItems().setAll(SessionRequest.Source.values());
            source.setValue(v);
        });
        return source;
    }

    private static Button button(I18n i18n, String key, org.kordamp.ikonli.Ikon icon, String keys) {
        Button b = new Button(null, new FontIcon(icon));
        b.textProperty().bind(i18n.text(key));
        tip(b, i18n, key, keys);
        return b;
    }

    private static void tip(Control c, I18n i18n, String key, String keys) {
        Tooltip t = new Tooltip();
        t.textProperty().bind(keys == null ? i18n.text(key) : Bindings.concat(i18n.text(key), " (", keys, ")"));
        c.setTooltip(t);
    }

    public ToggleButton labToggle() {
        return labToggle;
    }

    public ToggleButton floatToggle() {
        return floatToggle;
    }
}
