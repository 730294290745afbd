package dev.attend.translate;

import dev.attend.concurrent.AttendThreads;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Apertium mode in null-flush mode: its programs chained by OS pipes, a reader thread that cuts the
 * last program's output at each {@code \0}, and the stderr of all programs in one temporary log (quoted when the
 * pipeline fails). Requests are tagged: each segment starts with a superblank {@code [<N>]}, which Apertium copies
 * through untouched, so an answer that is not the one asked for (e.g. the {@code \0}s stages write when a
 * neighbour dies) is recognised instead of being taken for a translation. One request at a time.
 */
final class ApertiumPipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApertiumPipeline.class);
    private static final Object EOF = new Object();

    private final String pair;
    private final List<Process> processes;
    private final OutputStream stdin;
    private final Path stderrLog;
    private final BlockingQueue<Object> answers = new LinkedBlockingQueue<>();
    private final Thread reader;
    private final AtomicBoolean closed = new AtomicBoolean();
    private long nextTag;

    /** Thrown when the pipeline ended or answered out of turn; the caller restarts it. */
    static final class BrokenException extends Exception {
        private static final long serialVersionUID = 1L;

        BrokenException(String message) {
            super(message);
        }
    }

    private ApertiumPipeline(String pair, List<Process> processes, Path stderrLog) {
        this.pair = pair;
        this.processes = List.copyOf(processes);
        this.stderrLog = stderrLog;
        this.stdin = processes.get(0).getOutputStream();
        InputStream out = processes.get(processes.size() - 1).getInputStream();
        this.reader = AttendThreads.newThread("apertium-" + pair + "-reader", () -> readAnswers(out));
        this.reader.start();
    }

    static ApertiumPipeline start(String pair, List<List<String>> commands) throws IOException {
        Path log = Files.createTempFile("attend-apertium-" + pair.replaceAll("[^A-Za-z0-9_-]", "_") + "-", ".log");
        log.toFile().deleteOnExit(); // close() deletes it; this covers a JVM that exits without closing
        List<ProcessBuilder> builders = new ArrayList<>();
        for (List<String> cmd : commands) {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
            utf8Locale(pb.environment());
            builders.add(pb);
        }
        try {
            return new ApertiumPipeline(pair, ProcessBuilder.startPipeline(builders), log);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(log);
            throw e;
        }
    }

    /** Apertium's programs read UTF-8 through the C library's locale; the apertium script forces one too. */
    private static void utf8Locale(Map<String, String> env) {
        String all = env.get("LC_ALL");
        if (all != null && !isUtf8(all)) {
            env.remove("LC_ALL");
        }
        String ctype = env.getOrDefault("LC_CTYPE", env.getOrDefault("LANG", ""));
        if (!isUtf8(ctype) && (env.get("LC_ALL") == null)) {
            env.put("LC_CTYPE", "C.UTF-8");
        }
    }

    private static boolean isUtf8(String locale) {
        String l = locale.toLowerCase(java.util.Locale.ROOT);
        return l.contains("utf-8") || l.contains("utf8");
    }

    private void readAnswers(InputStream out) {
        ByteArrayOutputStream segment = new ByteArrayOutputStream(4096);
        byte[] buf = new byte[65536];
        try (out) {
            int n;
            while ((n = out.read(buf)) >= 0) {
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (buf[i] == 0) {
                        segment.write(buf, from, i - from);
                        answers.add(segment.toString(StandardCharsets.UTF_8));
                        segment.reset();
                        from = i + 1;
                    }
                }
                segment.write(buf, from, n - from);
            }
        } catch (IOException e) {
            LOG.debug("{}: output closed: {}", pair, e.getMessage());
        } finally {
            answers.add(EOF);
        }
    }

    /**
     * Sends one deformatted segment and waits for its answer.
     *
     * @return the mode's output for the segment, without the request tag
     * @throws BrokenException      when the pipeline ended or answered out of turn
     * @throws InterruptedException when the wait was interrupted or timed out (see {@code timedOut})
     */
    String roundTrip(String segment, long timeoutNanos) throws BrokenException, InterruptedException {
        if (!answers.isEmpty()) {
            throw new BrokenException("unexpected output before the request");
        }
        String tag = "[<" + (++nextTag) + ">]";
        byte[] bytes = (tag + segment + '\0').getBytes(StandardCharsets.UTF_8);
        try {
            stdin.write(bytes);
            stdin.flush();
        } catch (IOException e) {
            throw new BrokenException("cannot write to it: " + e.getMessage());
        }
        Object answer = answers.poll(timeoutNanos, TimeUnit.NANOSECONDS);
        if (answer == null) {
            return null;
        }
        if (answer == EOF) {
            throw new BrokenException("it exited");
        }
        String text = (String) answer;
        if (text.startsWith(tag)) {
            return text.substring(tag.length());
        }
        int at = text.indexOf(tag);
        if (at >= 0) {
            // a transfer rule moved the leading blank: still this request's answer
            return text.substring(0, at) + text.substring(at + tag.length());
        }
        throw new BrokenException("it answered out of turn");
    }

    /** True while every program of the pipeline runs. */
    boolean alive() {
        return !closed.get() && processes.stream().allMatch(Process::isAlive) && reader.isAlive();
    }

    List<Long> pids() {
        return processes.stream().map(Process::pid).toList();
    }

    /** The last lines the programs wrote to stderr, on one line (for error messages). */
    String stderrTail() {
        try {
            List<String> lines = Files.readAllLines(stderrLog, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank()).toList();
            return String.join(" / ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    /** Kills every program (a stuck one too) and releases the pipes. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly); // the bash fallback's programs
            p.destroyForcibly();
        }
        try {
            stdin.close();
        } catch (IOException ignored) {
            // the process is gone; nothing to flush
        }
        for (Process p : processes) {
            try {
                p.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(stderrLog);
        } catch (IOException e) {
            LOG.debug("cannot delete {}: {}", stderrLog, e.getMessage());
        }
    }
}
