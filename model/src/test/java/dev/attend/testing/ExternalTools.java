package dev.attend.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** External programs the tests use to make their inputs (espeak-ng, sox, ffmpeg; installed here and in CI). */
public final class ExternalTools {

    /** Generous: the slowest use (ffmpeg encoding a clip on a busy 2-core CI machine) takes a few seconds. */
    private static final long TIMEOUT_SECONDS = 120;

    private ExternalTools() {
    }

    /** Whether {@code versionCmd} (e.g. {@code ffmpeg -version}) runs and exits 0. */
    public static boolean available(String... versionCmd) {
        try {
            return new ProcessBuilder(versionCmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs a command and returns its output (stderr merged); fails with that output when it exits non-zero. */
    public static String exec(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " timed out: " + out);
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
        return out;
    }
}
