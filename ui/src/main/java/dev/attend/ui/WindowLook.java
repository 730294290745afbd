package dev.attend.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.attend.ui.transcript.FloatingCaptions;
import javafx.application.Application;
import javafx.scene.control.Dialog;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

/** The window's look: the AtlantaFX theme, the UI language's font on the window, the floating captions and dialogs. */
final class WindowLook {

    private final Stage stage;
    private final MainViewModel vm;
    private final Region root;
    private final FloatingCaptions floating;
    private WindowDialogs dialogs;

    WindowLook(Stage stage, MainViewModel vm, Region root, FloatingCaptions floating) {
        this.stage = stage;
        this.vm = vm;
        this.root = root;
        this.floating = floating;
    }

    /** The dialogs get the font too (set once they exist). */
    void setDialogs(WindowDialogs dialogs) {
        this.dialogs = dialogs;
    }

    void applyTheme() {
        Application.setUserAgentStylesheet("dark".equals(vm.settings().theme())
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    private String fontStyle() {
        String f = vm.i18n().fontFamily();
        return f == null ? "" : "-fx-font-family: \"" + f + "\";";
    }

    /** Chinese needs an explicit CJK-capable family, else glyphs render as boxes. */
    void applyFont() {
        root.setStyle(fontStyle());
        floating.setStyle(fontStyle());
        stage.setFullScreenExitHint(vm.i18n().get("shortcut.fullScreenHint"));
        if (dialogs != null && dialogs.modelDialog() != null) {
            dialogs.modelDialog().root().setStyle(fontStyle());
        }
    }

    /** Dialogs get the window's stylesheet and font (the dark theme has no white strips). */
    void styleDialog(Dialog<?> d) {
        d.getDialogPane().getStylesheets().setAll(stage.getScene().getStylesheets());
        d.getDialogPane().setStyle(fontStyle());
    }
}
