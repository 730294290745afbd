package dev.attend.asr.vosk;

import dev.attend.concurrent.AttendThreads;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.vosk.Model;

/**
 * Loads a Vosk model once in a child JVM, to prove it usable before it is imported. A child because libvosk may
 * abort the process or spin on a damaged file, and because it writes its reasons (raw bytes of the file included)
 * straight to the process's stderr: here that stderr is captured, and only a cleaned-up reason is reported.
 */
public final class VoskLoadProbe {

    /** Large models take a while to load on a slow disk; nothing sane takes longer. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(3);
    private static final String OK = "attend-vosk-probe: loaded";
    private static final int MAX_REASON = 200;

    private VoskLoadProbe() {
    }

    /**
     * The child: loads the model in {@code args[0]} and writes {@link #OK} (or its error) into the file
     * {@code args[1]}; exits 0 when loaded, else 3. libvosk's own output goes to this process's stderr.
     */
    public static void main(String[] args) {
        // the parent closes our stdin when it goes away (Ctrl+C): do not outlive it
        AttendThreads.start("probe-watch", () -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is sent; waiting for the end of the stream
                }
            } catch (IOException ignored) {
                // the parent is gone either way
            }
            Runtime.getRuntime().halt(4);
        });
        Path result = Path.of(args[1]);
        try {
            VoskNative.ensureLoaded();
            try (Model m = new Model(args[0])) {
                Files.writeString(result, OK + "\n", StandardCharsets.UTF_8);
            }
            Runtime.getRuntime().halt(0);
        } catch (Throwable t) {
            try {
                Files.writeString(result, "ERROR (probe) " + t.getMessage() + "\n", StandardCharsets.UTF_8);
            } catch (IOException ignored) {
                // the exit code still says it failed
            }
            Runtime.getRuntime().halt(3);
        }
    }

    /**
     * Checks the folder's files, then loads the model in a child JVM.
     *
     * @throws VoskModelException one line: what is wrong (libvosk's reason, cleaned up), a crash or a time-out
     */
    public static VoskModelFolder validate(Path dir, Duration timeout) {
        VoskModelFolder folder = VoskModelFolder.check(dir);
        Path log = null;
        Path result = null;
        Process p = null;
        try {
            log = Files.createTempFile("attend-vosk-probe-", ".log");
            result = Files.createTempFile("attend-vosk-probe-", ".result");
            ProcessBuilder pb = new ProcessBuilder(command(folder.dir(), result));
            pb.redirectErrorStream(true).redirectOutput(log.toFile());
            p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new VoskModelException("libvosk did not finish loading " + folder.dir() + " within "
                        + timeout.toSeconds() + " s; the model is damaged (or far too big for this machine)");
            }
            List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.ISO_8859_1));
            lines.addAll(Files.readAllLines(result, StandardCharsets.UTF_8));
            if (p.exitValue() == 0 && lines.contains(OK)) {
                return folder;
            }
            throw new VoskModelException("libvosk cannot load the model in " + folder.dir() + ": "
                    + reason(lines, p.exitValue()) + "; download or unpack the model again");
        } catch (IOException e) {
            throw new VoskModelException("cannot start a process to check the model in " + folder.dir() + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VoskModelException("checking the model in " + folder.dir() + " was interrupted", e);
        } finally {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
            for (Path f : new Path[] {log, result}) {
                try {
                    if (f != null) {
                        Files.deleteIfExists(f);
                    }
                } catch (IOException ignored) {
                    // a temp file
                }
            }
        }
    }

    private static List<String> command(Path dir, Path result) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx64m");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("jna.") || key.equals("java.io.tmpdir")) {
                cmd.add("-D" + key + "=" + System.getProperty(key));
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(VoskLoadProbe.class.getName());
        cmd.add(dir.toString());
        cmd.add(result.toString());
        return cmd;
    }

    /**
     * libvosk's last error line without its source location, printable ASCII only (a bad token is echoed as raw
     * bytes), or what the exit code says.
     */
    static String reason(List<String> lines, int exit) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String l = lines.get(i);
            if (l.startsWith("ERROR (VoskAPI") || l.startsWith("ERROR: ")) {
                return printable(l.replaceFirst("^ERROR (\\(VoskAPI.*?:\\d+\\) |: )", ""));
            }
        }
        if (exit > 128) {
            return "libvosk crashed (signal " + (exit - 128) + ")";
        }
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("ERROR (probe) ")) {
                return printable(lines.get(i).substring("ERROR (probe) ".length()));
            }
        }
        return "it stopped with exit code " + exit;
    }

    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> b.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
        String r = b.toString().replaceAll("\\?{2,}", "??").strip();
        return r.length() > MAX_REASON ? r.substring(0, MAX_REASON) + "..." : r;
    }
}
