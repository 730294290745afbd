package dev.attend.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/** Runs the CLI in-process with captured output. */
final class CliRunner {

    record Result(int code, String out, String err) {
        List<String> outLines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }

        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\n"));
        }
    }

    private CliRunner() {
    }

    /**
     * Runs with standard output going to whatever {@code System.out} is now (a test's capture): the real command
     * line writes to file descriptor 1 itself.
     */
    static int runOnSystemStreams(String... args) {
        CommandLine cl = AttendCommand.commandLine();
        cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8),
                true));
        return cl.execute(args);
    }

    static Result run(String... args) {
        CommandLine cl = AttendCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
