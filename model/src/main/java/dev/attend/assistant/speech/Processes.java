package dev.attend.assistant.speech;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs a speech engine with the text on standard input and collects its audio: from stdout, or from a temporary
 * file the engine writes (macOS {@code say}, Windows SAPI), deleted afterwards whatever happens.
 */
final class Processes {

    static final long TIMEOUT_SECONDS = 30;

    private Processes() {
    }

    /** Standard output of {@code cmd}, or the content of {@code outFile} when given. */
    static byte[] run(List<String> cmd, String stdin, Path outFile, String install) {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new SpeechException("cannot start " + cmd.get(0) + " (" + e.getMessage() + "); " + install, e);
        }
        try {
            try (OutputStream in = p.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new SpeechException(cmd.get(0) + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                throw new SpeechException(cmd.get(0) + " failed (exit code " + p.exitValue() + ")");
            }
            return outFile == null ? out : Files.readAllBytes(outFile);
        } catch (IOException e) {
            p.destroyForcibly();
            throw new SpeechException(cmd.get(0) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new SpeechException(cmd.get(0) + " was interrupted", e);
        }
    }

    /**
     * The audio an engine writes to a fresh temporary file: {@code cmd} gets the file's path (its name ends with
     * {@code suffix}) and returns the command line; the file is read when the engine is done, then deleted.
     */
    static byte[] runToTempFile(String suffix, Function<Path, List<String>> cmd, String stdin, String install) {
        Path file;
        try {
            file = Files.createTempFile("attend-reply-", suffix);
        } catch (IOException e) {
            throw new SpeechException("cannot create a temporary file for speech: " + e.getMessage(), e);
        }
        try {
            return run(cmd.apply(file), stdin, file, install);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file; the system's temp cleaning gets it
            }
        }
    }
}
