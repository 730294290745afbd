package dev.attend.app;

import dev.attend.ui.AttendApp;

/**
 * The screenshot script's entry point (test scope, so the hooks never ship): the real app, with
 * {@link ScreenshotHook} driving the window once it is shown.
 */
public final class ScreenshotMain {

    private ScreenshotMain() {
    }

    public static void main(String[] args) {
        AttendApp.onWindowShown(ScreenshotHook::install);
        Main.main(args);
    }
}
