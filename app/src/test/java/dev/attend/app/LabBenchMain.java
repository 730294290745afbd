package dev.attend.app;

import dev.attend.ui.AttendApp;

/**
 * {@code scripts/bench-lab.sh}'s entry point (test scope): the real app on the demo clip with the fusion lab
 * showing fusion maps; {@link LabBench} measures and prints one JSON line on stdout, then exits.
 */
public final class LabBenchMain {

    private LabBenchMain() {
    }

    public static void main(String[] args) {
        AttendApp.onWindowShown(LabBench::install);
        Main.main(args);
    }
}
