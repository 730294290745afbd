package dev.attend.ui.shell;

import dev.attend.ui.i18n.I18n;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** The keyboard shortcuts, as the window installs them ({@link #SHORTCUTS}). */
public final class ShortcutsDialog extends Dialog<Void> {

    /** Keys and the bundle key of what they do; the window's accelerators follow this list. */
    public static final List<String[]> SHORTCUTS = List.of(
            new String[] {"Ctrl+Enter", "session.start"},
            new String[] {"Space", "session.pause"},
            new String[] {"Ctrl+.", "session.stop"},
            new String[] {"Ctrl+O", "session.openFile"},
            new String[] {"Ctrl+E", "menu.export"},
            new String[] {"Ctrl+M", "menu.models"},
            new String[] {"Ctrl+,", "menu.settings"},
            new String[] {"Ctrl+L", "captions.float"},
            new String[] {"Ctrl+T", "training.open"},
            new String[] {"Ctrl+Shift+C", "captions.copyAll"},
            new String[] {"F1", "menu.shortcuts"},
            new String[] {"F11", "shortcut.fullScreen"});

    public ShortcutsDialog(Window owner, I18n i18n) {
        if (owner != null) {
            initOwner(owner);
        }
        setTitle(i18n.get("menu.shortcuts"));
        getDialogPane().setId("shortcutsDialog");
        getDialogPane().getButtonTypes().add(new ButtonType(i18n.get("dialog.close"), ButtonBar.ButtonData.OK_DONE));
        GridPane g = new GridPane();
        g.setHgap(18);
        g.setVgap(6);
        g.setPadding(new Insets(12));
        int r = 0;
        for (String[] s : SHORTCUTS) {
            Label keys = new Label(s[0]);
            keys.getStyleClass().add("shortcut-keys");
            g.add(keys, 0, r);
            g.add(new Label(i18n.get(s[1])), 1, r++);
        }
        getDialogPane().setContent(g);
    }
}
