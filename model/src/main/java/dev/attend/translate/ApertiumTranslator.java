package dev.attend.translate;

import dev.attend.concurrent.AttendThreads;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apertium through one persistent pipeline per pair: the mode's programs stay loaded and each segment is sent with
 * a {@code \0} behind it (null-flush mode), instead of starting {@code apertium} (a dozen processes loading their
 * dictionaries) per sentence. The pipeline starts on first use, is restarted transparently when a program died,
 * and a request that gets no answer within the timeout (plus 1 ms per input character) kills it with a clear
 * error; the next request starts a fresh one. Thread-safe; requests are served one at a time.
 */
public final class ApertiumTranslator implements Translator {

    private static final Logger LOG = LoggerFactory.getLogger(ApertiumTranslator.class);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final String pair;
    private final List<List<String>> commands;
    private final Duration timeout;
    private ApertiumPipeline pipeline;
    private ScheduledThreadPoolExecutor watchdogs; // this translator's, made on first use, shut down by close()
    private boolean closed;
    private int starts;
    private long roundTrips;

    ApertiumTranslator(String pair, List<List<String>> commands, Duration timeout) {
        this.pair = pair;
        this.commands = List.copyOf(commands);
        this.timeout = timeout;
    }

    @Override
    public String pair() {
        return pair;
    }

    @Override
    public synchronized void warmUp() {
        translate(""); // returns once every program has loaded its data
    }

    @Override
    public synchronized Translation translate(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text is null");
        }
        long t0 = System.nanoTime();
        String segment = ApertiumStream.deformat(text);
        long timeoutNanos = timeout.toNanos() + TimeUnit.MILLISECONDS.toNanos(text.length());
        String raw = null;
        for (int attempt = 1; raw == null; attempt++) {
            ApertiumPipeline p = ensureRunning();
            AtomicBoolean timedOut = new AtomicBoolean();
            // a write into a stuck pipeline can block: the watchdog kills it, which unblocks us
            ScheduledFuture<?> watchdog = watchdogs().schedule(() -> {
                timedOut.set(true);
                p.close();
            }, timeoutNanos, TimeUnit.NANOSECONDS);
            try {
                roundTrips++;
                raw = p.roundTrip(segment, timeoutNanos);
                if (raw == null) {
                    timedOut.set(true);
                }
            } catch (ApertiumPipeline.BrokenException e) {
                if (!timedOut.get()) {
                    String why = describe(p, e.getMessage());
                    stop();
                    if (attempt >= 2) {
                        throw new TranslationException(pair + ": the Apertium pipeline failed twice in a row ("
                                + why + ")");
                    }
                    LOG.warn("{}: Apertium pipeline broke ({}); restarting it", pair, why);
                    continue;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new TranslationException(pair + ": interrupted while waiting for Apertium", e);
            } finally {
                watchdog.cancel(false);
            }
            if (raw == null) { // no answer in time (an answer that raced the watchdog still counts)
                stop();
                throw new TranslationTimeoutException(String.format(java.util.Locale.ROOT,
                        "%s: Apertium did not answer within %.1f s (input of %d characters); the pipeline was "
                                + "killed and restarts with the next request", pair, timeoutNanos / 1e9,
                        text.length()));
            }
        }
        ApertiumStream.Output out = ApertiumStream.reformat(raw);
        double ms = Math.round((System.nanoTime() - t0) / 1e4) / 100.0;
        return new Translation(pair, text, out.display(), out.marked(), out.unknown(), ms, false);
    }

    private ScheduledThreadPoolExecutor watchdogs() {
        if (watchdogs == null) {
            watchdogs = new ScheduledThreadPoolExecutor(1, AttendThreads.factory("apertium-" + pair + "-watchdog"));
            watchdogs.setRemoveOnCancelPolicy(true);
            watchdogs.setKeepAliveTime(5, TimeUnit.SECONDS); // no thread while idle
            watchdogs.allowCoreThreadTimeOut(true);
        }
        return watchdogs;
    }

    private static String describe(ApertiumPipeline p, String what) {
        String tail = p.stderrTail();
        return tail.isEmpty() ? what : what + "; stderr: " + tail;
    }

    private ApertiumPipeline ensureRunning() {
        if (closed) {
            throw new IllegalStateException(pair + ": translator is closed");
        }
        if (pipeline != null && pipeline.alive()) {
            return pipeline;
        }
        if (pipeline != null) {
            LOG.warn("{}: an Apertium process died; restarting the pipeline", pair);
            stop();
        }
        try {
            pipeline = ApertiumPipeline.start(pair, commands);
            starts++;
        } catch (IOException e) {
            throw new TranslatorUnavailableException(pair + ": cannot start Apertium (" + e.getMessage()
                    + "); install the Debian package apertium", "apertium");
        }
        return pipeline;
    }

    private void stop() {
        if (pipeline != null) {
            pipeline.close();
            pipeline = null;
        }
    }

    /** Process ids of the running pipeline's programs, first to last (empty when not running). For diagnostics. */
    public synchronized List<Long> processIds() {
        return pipeline == null ? List.of() : pipeline.pids();
    }

    /** How many times a pipeline was started (1 + restarts, once used). */
    public synchronized int starts() {
        return starts;
    }

    /** Segments sent to Apertium (retries included). */
    public synchronized long roundTrips() {
        return roundTrips;
    }

    @Override
    public synchronized void close() {
        closed = true;
        stop();
        if (watchdogs != null) {
            watchdogs.shutdownNow();
        }
    }
}
