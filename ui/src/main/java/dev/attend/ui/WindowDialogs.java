package dev.attend.ui;

import dev.attend.ui.i18n.I18n;
import dev.attend.ui.models.ModelManagerDialog;
import dev.attend.ui.settings.SettingsDialog;
import dev.attend.ui.shell.AboutDialog;
import dev.attend.ui.shell.ShortcutsDialog;
import dev.attend.ui.shell.ToolbarView;
import dev.attend.ui.transcript.TranscriptExport;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The main window's dialogs and file choosers (titled, in the UI language, starting where the user was last):
 * what the toolbar's buttons open and what the view-model asks the user.
 */
public final class WindowDialogs implements ToolbarView.Actions, MainViewModel.Ui {

    private static final String[] MEDIA = {"*.wav", "*.mp4", "*.mkv", "*.webm", "*.mov", "*.avi"};

    private final Window owner;
    private final MainViewModel vm;
    private final Consumer<Dialog<?>> style;
    private final Runnable applyFont;
    private ModelManagerDialog modelDialog;
    private dev.attend.ui.training.TrainingWindow trainingWindow;

    WindowDialogs(Window owner, MainViewModel vm, Consumer<Dialog<?>> style, Runnable applyFont) {
        this.owner = owner;
        this.vm = vm;
        this.style = style;
        this.applyFont = applyFont;
    }

    private I18n i18n() {
        return vm.i18n();
    }

    @Override
    public boolean confirm(String title, String message, String okLabel) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(title);
        a.setContentText(message);
        ButtonType ok = new ButtonType(okLabel, ButtonBar.ButtonData.OK_DONE);
        a.getButtonTypes().setAll(ok, new ButtonType(i18n().get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        a.getDialogPane().setId("confirmDialog");
        style.accept(a);
        dev.attend.ui.shell.WindowSize.fitToScene(a.getDialogPane().getScene().getWindow());
        return a.showAndWait().filter(ok::equals).isPresent();
    }

    @Override
    public void chooseMediaFileAndStart() {
        if (chooseMediaFile()) {
            vm.startSession();
        }
    }

    @Override
    public void openMedia() {
        chooseMediaFile();
    }

    /** Ctrl+O: picks a WAV or video file (remembered for next time); true when one was chosen. */
    public boolean chooseMediaFile() {
        FileChooser fc = new FileChooser();
        fc.setTitle(i18n().get("dialog.openMedia"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n().get("dialog.mediaFiles"), MEDIA));
        startIn(fc, vm.session().fileProperty().get());
        File f = fc.showOpenDialog(owner);
        if (f == null) {
            return false;
        }
        vm.useMediaFile(f.toPath());
        return true;
    }

    @Override
    public void openEvents() {
        FileChooser fc = new FileChooser();
        fc.setTitle(i18n().get("dialog.openEvents"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n().get("dialog.eventFiles"), "*.jsonl",
                "*.json"));
        File f = fc.showOpenDialog(owner);
        if (f != null) {
            vm.replay(f.toPath());
        }
    }

    /** Ctrl+E: the filter shown matches the suggested name's extension; the chosen extension picks the format. */
    @Override
    public void export() {
        if (vm.transcript().finals().isEmpty()) {
            vm.notices().warn(i18n().get("notice.exportEmpty"));
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle(i18n().get("dialog.export"));
        FileChooser.ExtensionFilter srt = null;
        for (TranscriptExport.Format f : TranscriptExport.Format.values()) {
            var filter = new FileChooser.ExtensionFilter(f.name(), "*." + f.extension());
            fc.getExtensionFilters().add(filter);
            if (f == TranscriptExport.Format.SRT) {
                srt = filter;
            }
        }
        fc.setSelectedExtensionFilter(srt);
        fc.setInitialFileName("transcript.srt");
        startIn(fc, vm.session().fileProperty().get());
        File f = fc.showSaveDialog(owner);
        if (f != null) {
            TranscriptExport.Format chosen = null;
            for (TranscriptExport.Format x : TranscriptExport.Format.values()) {
                if (fc.getSelectedExtensionFilter() != null
                        && fc.getSelectedExtensionFilter().getDescription().equals(x.name())) {
                    chosen = x;
                }
            }
            vm.exportTo(TranscriptExport.Format.withExtension(f.toPath(), chosen));
        }
    }

    private static void startIn(FileChooser fc, Path near) {
        if (near != null && near.toAbsolutePath().getParent() != null
                && Files.isDirectory(near.toAbsolutePath().getParent())) {
            fc.setInitialDirectory(near.toAbsolutePath().getParent().toFile());
        }
    }

    /** Ctrl+M. */
    @Override
    public void models() {
        if (modelDialog == null) {
            modelDialog = new ModelManagerDialog(owner, vm.models(), i18n());
            if (owner.getScene() != null) {
                modelDialog.stage().getScene().getStylesheets().addAll(owner.getScene().getStylesheets());
            }
            applyFont.run();
        } else {
            vm.models().refresh();
        }
        modelDialog.show();
    }

    /** Ctrl+, . */
    @Override
    public void settings() {
        boolean live = vm.session().stateProperty().get() != dev.attend.ui.session.SessionViewModel.State.IDLE
                && vm.session().sourceProperty().get() == dev.attend.ui.session.SessionRequest.Source.DEVICES;
        SettingsDialog d = new SettingsDialog(owner, vm.settings(), vm.translation().pairs(), i18n(), vm.tasks(),
                live ? SettingsDialog.DeviceSources.inUseBySession() : SettingsDialog.DeviceSources.system());
        style.accept(d);
        dev.attend.ui.shell.WindowSize.fitToScene(d.getDialogPane().getScene().getWindow());
        d.ask().ifPresent(vm::applySettings);
    }

    /** F1. */
    @Override
    public void shortcuts() {
        ShortcutsDialog d = new ShortcutsDialog(owner, i18n());
        style.accept(d);
        dev.attend.ui.shell.WindowSize.fitToScene(d.getDialogPane().getScene().getWindow());
        d.show();
    }

    @Override
    public void history() {
        dev.attend.ui.history.HistoryWindow.show(owner, vm.services().dirs(), i18n(), vm.tasks(),
                events -> vm.session().replay(events, true));
    }

    @Override
    public void training() {
        if (trainingWindow == null) {
            dev.attend.ui.training.TrainingViewModel tvm = new dev.attend.ui.training.TrainingViewModel(
                    vm.services().training(), vm.tasks(), i18n(), vm.notices(),
                    vm.services().dirs().data().resolve("training"));
            trainingWindow = new dev.attend.ui.training.TrainingWindow(owner, tvm,
                    new dev.attend.ui.training.CalibrationViewModel(tvm),
                    () -> new String[] {vm.settings().mic(), vm.settings().camera()});
        }
        trainingWindow.show();
    }

    /** The Training window once opened (it keeps its run while closed), else null. */
    public dev.attend.ui.training.TrainingWindow trainingWindow() {
        return trainingWindow;
    }

    @Override
    public void about() {
        AboutDialog d = new AboutDialog(owner, i18n());
        style.accept(d);
        dev.attend.ui.shell.WindowSize.fitToScene(d.getDialogPane().getScene().getWindow());
        d.show();
    }

    public ModelManagerDialog modelDialog() {
        return modelDialog;
    }
}
