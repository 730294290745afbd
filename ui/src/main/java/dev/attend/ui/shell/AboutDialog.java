package dev.attend.ui.shell;

import dev.attend.ui.i18n.I18n;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** About: the version and the licences of the bundled models (as README.md and docs/models.md list them). */
public final class AboutDialog extends Dialog<Void> {

    /** A bundled model and its licence (names are proper names: not translated). */
    record Licence(String model, String licence, String note) {
    }

    static final List<Licence> LICENCES = List.of(
            new Licence("Silero VAD", "MIT", ""),
            new Licence("openWakeWord mel + embedding", "Apache-2.0", ""),
            new Licence("hey_jarvis, hey_mycroft, alexa, hey_rhasspy", "CC BY-NC-SA 4.0", "about.nonCommercial"),
            new Licence("BlazeFace", "Apache-2.0", ""),
            new Licence("all-MiniLM-L6-v2", "Apache-2.0", ""),
            new Licence("NASA (demo)", "Public domain", "about.demoPicture"));

    public AboutDialog(Window owner, I18n i18n) {
        if (owner != null) {
            initOwner(owner);
        }
        setTitle(i18n.get("menu.about"));
        getDialogPane().setId("aboutDialog");
        getDialogPane().getButtonTypes().add(new ButtonType(i18n.get("dialog.close"), ButtonBar.ButtonData.OK_DONE));
        Label title = new Label("Attend " + version());
        title.getStyleClass().add("title-3");
        title.setId("aboutVersion");
        Label what = new Label(i18n.get("about.what"));
        what.setWrapText(true);
        Label licTitle = new Label(i18n.get("about.licences"));
        licTitle.getStyleClass().add("title-4");
        GridPane g = new GridPane();
        g.setHgap(14);
        g.setVgap(4);
        int r = 0;
        for (Licence l : LICENCES) {
            g.add(new Label(l.model()), 0, r);
            g.add(new Label(l.licence()), 1, r);
            if (!l.note().isEmpty()) {
                g.add(new Label(i18n.get(l.note())), 2, r);
            }
            r++;
        }
        Label vosk = new Label(i18n.get("about.vosk"));
        vosk.setWrapText(true);
        VBox box = new VBox(10, title, what, licTitle, g, vosk);
        box.setPadding(new Insets(12));
        box.setPrefWidth(640);
        getDialogPane().setContent(box);
    }

    /** The build's version (the app's filtered version resource), or "dev" when run from the ui module alone. */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = AboutDialog.class.getResourceAsStream("/dev/attend/app/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "dev";
        }
        return p.getProperty("version", "dev");
    }
}
