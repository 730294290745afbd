package dev.attend.app.cli;

import dev.attend.app.selftest.SelfTest;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code attend selftest}: one line per native library and device check; what to run when something won't load. */
@Command(name = "selftest", mixinStandardHelpOptions = true,
        description = "Check native libraries (Vosk, ONNX Runtime, PyTorch, FFmpeg), decode a generated utterance, "
                + "list devices and check Apertium. Exit code 0 when every required part is OK.")
public final class SelftestCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<SelfTest.Result> results = SelfTest.runAll();
        boolean failed = false;
        for (SelfTest.Result r : results) {
            out.printf("%-4s %-12s %s%s%n", r.status(), r.part(), r.detail(),
                    r.required() || r.status() != SelfTest.Status.FAIL ? "" : " (optional)");
            failed |= r.required() && r.status() == SelfTest.Status.FAIL;
        }
        out.flush();
        return failed ? ExitCodes.FAILURE : ExitCodes.OK;
    }
}
