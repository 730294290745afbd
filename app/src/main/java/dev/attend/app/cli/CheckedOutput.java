package dev.attend.app.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Standard output that reports a closed pipe: a {@link PrintWriter} only sets a flag when a write fails, so this
 * checks the flag after each flush and throws, and a run whose reader went away ({@code | head -1}) stops.
 */
final class CheckedOutput extends FilterWriter {

    static final String CLOSED = "standard output is closed";

    private final PrintWriter target;

    CheckedOutput(PrintWriter target) {
        super(target);
        this.target = target;
    }

    @Override
    public void flush() throws IOException {
        target.flush();
        if (target.checkError()) {
            throw new IOException(CLOSED);
        }
    }

    @Override
    public void close() throws IOException {
        flush(); // never closes standard output itself
    }
}
