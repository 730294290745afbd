package dev.attend.ui;

import dev.attend.ui.transcript.CaptionsView;
import dev.attend.ui.transcript.FloatingCaptions;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/** The window's shortcuts (the list the shortcuts dialog shows: {@link dev.attend.ui.shell.ShortcutsDialog}). */
final class WindowKeys {

    private WindowKeys() {
    }

    static void install(Scene scene, Stage stage, MainViewModel vm, WindowDialogs dialogs, FloatingCaptions floating,
                        CaptionsView captions) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE && !e.isShortcutDown()
                    && !(scene.getFocusOwner() instanceof TextInputControl)) {
                vm.session().togglePause();
                e.consume();
            }
        });
        var acc = scene.getAccelerators();
        acc.put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), vm::startSession);
        acc.put(new KeyCodeCombination(KeyCode.PERIOD, KeyCombination.SHORTCUT_DOWN), vm.session()::stop);
        acc.put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), dialogs::openMedia);
        acc.put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), dialogs::export);
        acc.put(new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN), dialogs::models);
        acc.put(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN), dialogs::settings);
        acc.put(new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN), dialogs::history);
        acc.put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN), dialogs::training);
        acc.put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN),
                () -> floating.showingProperty().set(!floating.showingProperty().get()));
        acc.put(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                captions::copyAll);
        acc.put(new KeyCodeCombination(KeyCode.F1), dialogs::shortcuts);
        acc.put(new KeyCodeCombination(KeyCode.F11), () -> stage.setFullScreen(!stage.isFullScreen()));
    }
}
