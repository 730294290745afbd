package dev.attend.ui.shell;

import javafx.animation.PauseTransition;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.util.Duration;

/**
 * Keeps secondary windows at their size under a window manager: JavaFX 21 on GTK lets some window managers
 * (openbox) shrink a newly mapped window to about 200 × 200, so the size is applied again just after it is shown
 * — only when it came out far smaller, so a size the user chose is kept.
 */
public final class WindowSize {

    private WindowSize() {
    }

    /** A stage of a fixed first size. */
    public static void hold(Stage s, double width, double height) {
        s.setWidth(width);
        s.setHeight(height);
        afterShown(s, () -> {
            if (s.getWidth() < width * 0.6 || s.getHeight() < height * 0.6) {
                s.setWidth(width);
                s.setHeight(height);
            }
        });
    }

    /** A dialog sized by its content. */
    public static void fitToScene(Window w) {
        afterShown(w, () -> {
            if (w.getScene() != null && w.getScene().getRoot() != null) {
                var root = w.getScene().getRoot();
                double pw = root.prefWidth(-1);
                double ph = root.prefHeight(pw);
                if (w.getWidth() < pw * 0.6 || w.getHeight() < ph * 0.6) {
                    w.sizeToScene();
                }
            }
        });
    }

    private static void afterShown(Window w, Runnable fix) {
        // the window manager's resize comes some time after the window maps: look again a few times
        w.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> {
            for (double ms : new double[] {1, 150, 500}) {
                PauseTransition p = new PauseTransition(Duration.millis(ms));
                p.setOnFinished(x -> fix.run());
                p.play();
            }
        });
    }
}
