package dev.attend.ui.settings;

import dev.attend.audio.AudioDevices;
import dev.attend.ui.bridge.UiTasks;
import dev.attend.ui.i18n.I18n;
import dev.attend.video.CameraDevices;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** Settings: devices, languages and pair, wake word and thresholds, theme, UI language, caption size. */
public final class SettingsDialog extends Dialog<Settings> {

    /** Languages Vosk has models for (codes as the model catalogue names them). */
    static final List<String> SPEECH_LANGUAGES = List.of("en", "zh", "de", "fr", "es", "it", "pt", "ru", "ja",
            "ko", "nl", "pl", "tr", "uk", "vi", "hi", "ar", "fa", "sv", "cs");

    /** Where the device checks read from: the named microphone and camera (tests give other sources). */
    public record DeviceSources(java.util.function.Function<String, java.util.function.Supplier<
            dev.attend.pipeline.MediaSource>> mic, java.util.function.Function<String,
            java.util.function.Supplier<dev.attend.pipeline.MediaSource>> camera) {

        public static DeviceSources system() {
            return new DeviceSources(dev.attend.ui.devicecheck.MicCheck::microphone,
                    dev.attend.ui.devicecheck.CameraCheckView::camera);
        }

        /** While a live session captures: the checks say the devices are in use instead of opening them twice. */
        public static DeviceSources inUseBySession() {
            return new DeviceSources(n -> dev.attend.ui.devicecheck.MicCheck.inUse(),
                    n -> dev.attend.ui.devicecheck.MicCheck.inUse());
        }
    }

    private final dev.attend.ui.devicecheck.MicCheck micCheck;
    private final dev.attend.ui.devicecheck.CameraCheckView cameraCheck;

    public SettingsDialog(Window owner, Settings current, List<String> pairs, I18n i18n, UiTasks tasks) {
        this(owner, current, pairs, i18n, tasks, DeviceSources.system());
    }

    public SettingsDialog(Window owner, Settings current, List<String> pairs, I18n i18n, UiTasks tasks,
                          DeviceSources devices) {
        if (owner != null) {
            initOwner(owner);
        }
        titleProperty().bind(i18n.text("settings.title"));
        // own button types: JavaFX's OK/Cancel follow the JVM's locale, not the UI language
        ButtonType ok = new ButtonType(i18n.get("dialog.ok"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(i18n.get("dialog.cancel"),
                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().addAll(ok, cancel);
        getDialogPane().setId("settingsDialog");

        ComboBox<String> mic = editable(current.mic());
        mic.setId("setMic");
        ComboBox<String> camera = editable(current.camera());
        tasks.run(() -> {
            List<String> mics = new ArrayList<>(List.of(""));
            AudioDevices.inputs().forEach(d -> mics.add(d.name()));
            List<String> cams = new ArrayList<>(List.of(""));
            if (CameraDevices.canEnumerate()) {
                CameraDevices.list().forEach(c -> cams.add(Integer.toString(c.index())));
            }
            return List.of(mics, cams);
        }, l -> {
            mic.getItems().setAll(l.get(0));
            camera.getItems().setAll(l.get(1));
        }, e -> { });
        ChoiceBox<String> asrLang = new ChoiceBox<>();
        asrLang.getItems().setAll(SPEECH_LANGUAGES);
        if (!asrLang.getItems().contains(current.asrLanguage())) {
            asrLang.getItems().add(current.asrLanguage());
        }
        asrLang.setValue(current.asrLanguage());
        asrLang.setId("setAsrLanguage");
        asrLang.setConverter(new StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null ? "" : java.util.Locale.forLanguageTag(s).getDisplayName(i18n.localeProperty().get())
                        + " (" + s + ")";
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        ComboBox<String> pair = editable(current.translationPair());
        pair.getItems().setAll(pairs);
        // only the bundled wake words can be chosen: an unknown name cannot fail a session later
        ChoiceBox<String> wake = new ChoiceBox<>();
        wake.getItems().add("");
        wake.getItems().addAll(dev.attend.encoders.audio.AudioModels.wakeWordNames());
        wake.setValue(wake.getItems().contains(current.wakeWord()) ? current.wakeWord() : "");
        wake.setId("setWakeWord");
        wake.setConverter(new StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null || s.isEmpty() ? i18n.get("settings.wakeNone") : s;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        Spinner<Double> wakeThr = new Spinner<>(0.05, 1.0, current.wakeThreshold(), 0.05);
        Spinner<Double> vadThr = new Spinner<>(0.05, 1.0, current.vadThreshold(), 0.05);
        ChoiceBox<String> theme = new ChoiceBox<>();
        theme.getItems().setAll("light", "dark");
        theme.setValue(current.theme());
        theme.setId("setTheme");
        theme.setConverter(keyed(i18n, "settings.theme."));
        ChoiceBox<String> lang = new ChoiceBox<>();
        lang.getItems().setAll("en", "zh-CN");
        lang.setValue(current.uiLanguage());
        lang.setId("setUiLanguage");
        lang.setConverter(new StringConverter<>() {
            @Override
            public String toString(String s) {
                return "zh-CN".equals(s) ? "简体中文" : "English";
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        Spinner<Double> font = new Spinner<>(10.0, 48.0, current.captionFontSize(), 1.0);
        font.setId("setFontSize");
        javafx.scene.control.CheckBox fusion = new javafx.scene.control.CheckBox();
        fusion.setSelected(current.fusion());
        fusion.setId("setFusion");
        fusion.textProperty().bind(i18n.text("settings.fusion"));

        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.setPadding(new Insets(12));
        int r = 0;
        row(g, r++, i18n, "settings.mic", mic);
        micCheck = new dev.attend.ui.devicecheck.MicCheck(tasks);
        g.add(new dev.attend.ui.devicecheck.MicCheckView(micCheck, i18n), 1, r++);
        row(g, r++, i18n, "settings.camera", camera);
        cameraCheck = new dev.attend.ui.devicecheck.CameraCheckView(i18n, tasks);
        g.add(cameraCheck, 1, r++);
        // the checks read the devices only while the dialog shows, and follow the chosen device
        setOnShown(e -> {
            micCheck.start(devices.mic().apply(text(mic)));
            cameraCheck.start(devices.camera().apply(text(camera)));
        });
        mic.valueProperty().addListener((o, a, b) -> {
            if (isShowing()) {
                micCheck.start(devices.mic().apply(b == null ? "" : b.trim()));
            }
        });
        camera.valueProperty().addListener((o, a, b) -> {
            if (isShowing()) {
                cameraCheck.start(devices.camera().apply(b == null ? "" : b.trim()));
            }
        });
        setOnHidden(e -> {
            micCheck.stop();
            cameraCheck.stop();
        });
        row(g, r++, i18n, "settings.asrLanguage", asrLang);
        row(g, r++, i18n, "settings.pair", pair);
        row(g, r++, i18n, "settings.wakeWord", wake);
        row(g, r++, i18n, "settings.wakeThreshold", wakeThr);
        row(g, r++, i18n, "settings.vadThreshold", vadThr);
        row(g, r++, i18n, "settings.theme", theme);
        row(g, r++, i18n, "settings.uiLanguage", lang);
        row(g, r++, i18n, "settings.fontSize", font);
        g.add(fusion, 1, r);
        getDialogPane().setContent(g);

        setResultConverter(bt -> bt != ok ? null
                : new Settings(current.source(), text(mic), text(camera), asrLang.getValue(), text(pair),
                        wake.getValue(), wakeThr.getValue(), vadThr.getValue(), theme.getValue(),
                        lang.getValue(), font.getValue(), current.window(), current.lastMediaFile(),
                        current.fast(), fusion.isSelected()));
    }

    private static String text(ComboBox<String> c) {
        String v = c.getEditor().getText();
        return v == null ? "" : v.trim();
    }

    private static ComboBox<String> editable(String value) {
        ComboBox<String> c = new ComboBox<>();
        c.setEditable(true);
        c.setValue(value);
        c.getEditor().setText(value);
        c.setPrefWidth(260);
        return c;
    }

    private static StringConverter<String> keyed(I18n i18n, String prefix) {
        return new StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null ? "" : i18n.get(prefix + s);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        };
    }

    private static void row(GridPane g, int r, I18n i18n, String key, javafx.scene.Node field) {
        Label l = new Label();
        l.textProperty().bind(i18n.text(key));
        l.setMinWidth(Label.USE_PREF_SIZE); // labels are never cut to "Speech langu…"

        g.add(l, 0, r);
        g.add(field, 1, r);
    }

    public dev.attend.ui.devicecheck.MicCheck micCheck() {
        return micCheck;
    }

    public dev.attend.ui.devicecheck.CameraCheckView cameraCheck() {
        return cameraCheck;
    }

    public Optional<Settings> ask() {
        return showAndWait();
    }
}
