package dev.attend.app.bench;

import java.io.PrintWriter;

/**
 * One section of {@code attend bench encoders} (audio, vision, text; listed in
 * {@link dev.attend.app.cli.BenchEncodersCommand#PARTS}). Measures on this machine and prints a small table.
 */
public interface EncoderBench {

    /** Section name, also what {@code --only} selects, e.g. {@code audio}. */
    String name();

    /** Runs the measurements and prints the results. */
    void run(BenchSettings settings, PrintWriter out) throws Exception;
}
