package dev.attend.app.cli;

/** The CLI's exit codes. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Something failed while running (a source died mid-stream, a native library would not load). */
    public static final int FAILURE = 1;
    /** Bad input: unreadable file, unsupported format, no such device, bad option. */
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
