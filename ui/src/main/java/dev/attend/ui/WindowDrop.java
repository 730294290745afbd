package dev.attend.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

/**
 * Drag-and-drop onto the window: an events file ({@code .jsonl}) is replayed, a WAV or video file becomes the
 * media source and starts (after the usual question when there is earlier work).
 */
final class WindowDrop {

    private static final List<String> MEDIA = List.of(".wav", ".mp4", ".mkv", ".webm", ".mov", ".avi");

    private WindowDrop() {
    }

    static void install(Scene scene, MainViewModel vm) {
        scene.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().stream().anyMatch(WindowDrop::usable)) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            boolean done = false;
            if (e.getDragboard().hasFiles()) {
                for (File f : e.getDragboard().getFiles()) {
                    if (usable(f)) {
                        drop(vm, f.toPath());
                        done = true;
                        break;
                    }
                }
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }

    /** What a dropped file does (also for tests, which cannot drag). */
    static void drop(MainViewModel vm, Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".jsonl")) {
            vm.replay(f);
            return;
        }
        vm.useMediaFile(f);
        if (vm.session().stateProperty().get() == dev.attend.ui.session.SessionViewModel.State.IDLE) {
            vm.startSession();
        } else {
            vm.notices().info(vm.i18n().get("notice.fileChosen", f.getFileName()));
        }
    }

    private static boolean usable(File f) {
        String n = f.getName().toLowerCase(Locale.ROOT);
        return f.isFile() && (n.endsWith(".jsonl") || MEDIA.stream().anyMatch(n::endsWith));
    }
}
