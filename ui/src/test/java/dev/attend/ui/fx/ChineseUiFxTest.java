package dev.attend.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.config.AppDirs;
import dev.attend.ui.AttendServices;
import dev.attend.ui.MainWindow;
import dev.attend.ui.bridge.FxUiTasks;
import dev.attend.ui.settings.SettingsDialog;
import dev.attend.ui.settings.SettingsStore;
import dev.attend.ui.shell.AboutDialog;
import dev.attend.ui.shell.ShortcutsDialog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * 简体中文 UI completeness: walks the scene graph of the main window and of every dialog in zh-CN and fails on any
 * visible text with Latin words that are not proper names (Attend, Vosk, MiniLM, file formats, keys …).
 */
@ExtendWith({XvfbExtension.class, ApplicationExtension.class})
class ChineseUiFxTest {

    /** Proper names, formats, keys and formula symbols that stay as they are in Chinese. */
    private static final Set<String> PROPER = Set.of("Attend", "Vosk", "MiniLM", "Apertium", "CPU", "Transformer",
            "JSON", "dBFS", "Lines", "TXT", "SRT", "VTT", "WAV", "F1", "F11", "Esc", "Ctrl", "Shift", "Space", "Enter",
            "O", "E", "M", "L", "C", "Silero", "VAD", "openWakeWord", "mel", "embedding", "BlazeFace",
            "all-MiniLM-L6-v2", "MIT", "Apache-2.0", "CC", "BY-NC-SA", "NASA", "demo", "Public", "domain",
            "hey_jarvis", "hey_mycroft", "alexa", "hey_rhasspy", "English", "s", "q", "k", "d", "exp", "max",
            "softmax", "dev", "ms", "x", "of");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_.+\\-]*");
    private static final Pattern CJK = Pattern.compile("[\\u3400-\\u9fff\\uff00-\\uffef\\u3000-\\u303f]");

    @TempDir
    static Path dir;
    private MainWindow window;

    @BeforeAll
    static void chineseSettings() throws Exception {
        System.setProperty("attend.demo.autostart", "false");
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/settings.json"), "{\"uiLanguage\":\"zh-CN\"}");
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    private MainWindow open(FxRobot robot) {
        MainWindow[] w = new MainWindow[1];
        robot.interact(() -> {
            w[0] = new MainWindow(new javafx.stage.Stage(), new AttendServices(new AppDirs(dir.resolve("config"),
                    dir.resolve("data"), dir.resolve("cache")), new WavSessionLauncher(), null,
                    () -> List.of("eng-spa")), new SettingsStore(dir.resolve("config/settings.json")),
                    new FxUiTasks());
            w[0].show();
        });
        window = w[0];
        return w[0];
    }

    @Test
    void everyViewAndDialogIsChinese(FxRobot robot) throws Exception {
        MainWindow w = open(robot);
        WaitForAsyncUtils.waitForFxEvents();
        // a notice with actions and details, as an error would show it
        robot.interact(() -> w.viewModel().notices().warn(w.i18n().get("notice.noDevices"),
                new dev.attend.ui.shell.Notifications.Action(w.i18n().get("notice.playDemo"), () -> { })));
        List<String> bad = new ArrayList<>(untranslated(w.stage().getScene().getRoot(), "main window"));
        bad.addAll(untranslated(w.stage().getTitle(), "title"));

        List<Window> dialogs = new ArrayList<>();
        SettingsDialog[] settings = new SettingsDialog[1];
        robot.interact(() -> {
            // real UI tasks: the device checks report from their own threads
            SettingsDialog s = new SettingsDialog(w.stage(), w.settings(), List.of("eng-spa"), w.i18n(),
                    new dev.attend.ui.bridge.FxUiTasks());
            s.show();
            settings[0] = s;
            dialogs.add(s.getDialogPane().getScene().getWindow());
            bad.addAll(untranslated(s.getDialogPane(), "settings"));
            AboutDialog a = new AboutDialog(w.stage(), w.i18n());
            a.show();
            dialogs.add(a.getDialogPane().getScene().getWindow());
            bad.addAll(untranslated(a.getDialogPane(), "about"));
            ShortcutsDialog k = new ShortcutsDialog(w.stage(), w.i18n());
            k.show();
            dialogs.add(k.getDialogPane().getScene().getWindow());
            bad.addAll(untranslated(k.getDialogPane(), "shortcuts"));
            w.showModelManager();
            w.floatingCaptions().showingProperty().set(true);
        });
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> w.modelDialog() != null
                && w.viewModel().models().messageProperty().get() != null);
        // the device checks' own states (no microphone, no camera here) once they have settled
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> settings[0].micCheck()
                .stateProperty().get() != dev.attend.ui.devicecheck.MicCheck.State.OPENING);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            bad.addAll(untranslated(settings[0].getDialogPane(), "settings, device checks settled"));
            bad.addAll(untranslated(w.modelDialog().root(), "model manager"));
            bad.addAll(untranslated(w.modelDialog().stage().getTitle(), "model manager title"));
            bad.addAll(untranslated(w.floatingCaptions().stage().getScene().getRoot(), "floating captions"));
            bad.addAll(untranslated(w.stage().getFullScreenExitHint(), "full-screen hint"));
            dialogs.forEach(Window::hide);
        });
        assertThat(bad).as("texts left in English").isEmpty();
    }

    @Test
    void switchingBackToEnglishRelabelsEverything(FxRobot robot) throws Exception {
        MainWindow w = open(robot);
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup("#statusModel").queryLabeled().getText().equals("无 Vosk 模型"));
        robot.interact(() -> w.applySettings(w.settings().withUiLanguage("en")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#statusModel").queryLabeled().getText()).isEqualTo("No Vosk model");
        assertThat(robot.lookup("#sourcePicker").<ChoiceBox<Object>>query().getConverter()
                .toString(robot.lookup("#sourcePicker").<ChoiceBox<Object>>query().getValue()))
                .isEqualTo("Demo clip");
        assertThat(robot.lookup("#statusSession").queryLabeled().getText()).isEqualTo("Session: idle");
        robot.interact(() -> w.applySettings(w.settings().withUiLanguage("zh-CN")));
        assertThat(robot.lookup("#statusSession").queryLabeled().getText()).isEqualTo("会话： 空闲");
    }

    /** Latin words in what {@code root} shows that are neither proper names nor beside Chinese text. */
    static List<String> untranslated(Node root, String where) {
        List<String> bad = new ArrayList<>();
        for (String s : texts(root)) {
            bad.addAll(untranslated(s, where));
        }
        return bad;
    }

    static List<String> untranslated(String s, String where) {
        if (s == null || s.isBlank() || CJK.matcher(s).find()) {
            return List.of();
        }
        Matcher m = WORD.matcher(s);
        while (m.find()) {
            String word = m.group();
            if (!PROPER.contains(word) && !word.matches("[a-z]{3}-[a-z]{3}") && !word.matches("Ctrl\\+.*")) {
                return List.of(where + ": \"" + s + "\"");
            }
        }
        return List.of();
    }

    /** Every visible string: labels, texts, prompts, tooltips, choice items, table headers, menu items. */
    private static Set<String> texts(Node root) {
        Set<String> out = new LinkedHashSet<>();
        walk(root, out);
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void walk(Node n, Set<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l) {
            out.add(l.getText());
        }
        if (n instanceof Text t) {
            out.add(t.getText());
        }
        if (n instanceof TextInputControl t) {
            out.add(t.getPromptText());
        }
        if (n instanceof Control c && c.getTooltip() != null) {
            out.add(c.getTooltip().getText());
        }
        if (n instanceof ChoiceBox c) {
            for (Object item : c.getItems()) {
                out.add(c.getConverter() != null ? c.getConverter().toString(item) : String.valueOf(item));
            }
        }
        if (n instanceof ComboBox c) {
            out.add(c.getPromptText());
        }
        if (n instanceof TableView<?> t) {
            t.getColumns().forEach(col -> out.add(col.getText()));
            if (t.getPlaceholder() != null) {
                walk(t.getPlaceholder(), out);
            }
        }
        if (n instanceof MenuButton mb) {
            for (MenuItem i : mb.getItems()) {
                out.add(i.getText());
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, out);
            }
        }
    }
}
