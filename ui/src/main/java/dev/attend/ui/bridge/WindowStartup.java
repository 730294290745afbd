package dev.attend.ui.bridge;

import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Start-up work that waits for the window's first frame: the assistant's model load and the first session (the
 * demo, or "Open with Attend"'s file) would otherwise take the CPU from building and showing the window
 * (docs/performance.md, "Installers"). In the bridge package: it hands work to the FX thread's queue.
 */
public final class WindowStartup {

    private WindowStartup() {
    }

    /** Runs {@code work} on the FX thread once, right after the scene's first pulse after showing has been laid out. */
    public static void afterFirstFrame(Scene scene, Runnable work) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            Platform.runLater(work); // after this pulse has handed its frame to the renderer
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }
}
