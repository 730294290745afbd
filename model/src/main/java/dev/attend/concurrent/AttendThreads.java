package dev.attend.concurrent;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where Attend creates threads (an architecture test enforces it): every thread is a daemon named
 * {@code attend-<owner>-<n>} ({@code n} counts from 1 per owner), so logs, thread dumps and the leak test see who
 * started it. An uncaught exception is logged instead of printed. Owners are short words: {@code stage-vad},
 * {@code source-microphone}, {@code task}, {@code apertium-eng-spa}.
 */
public final class AttendThreads {

    /** Prefix of every thread Attend starts. */
    public static final String PREFIX = "attend-";

    private static final Logger LOG = LoggerFactory.getLogger(AttendThreads.class);
    private static final Map<String, AtomicInteger> COUNTERS = new ConcurrentHashMap<>();
    private static final Thread.UncaughtExceptionHandler LOG_UNCAUGHT =
            (t, e) -> LOG.error("thread {} died of an uncaught exception", t.getName(), e);

    private AttendThreads() {
    }

    /** A factory for an executor: its threads are {@code attend-<owner>-1}, {@code -2}, … */
    public static ThreadFactory factory(String owner) {
        String o = check(owner);
        return r -> create(o, r);
    }

    /** A new, not yet started thread of {@code owner} (e.g. for a shutdown hook, or a thread the caller joins). */
    public static Thread newThread(String owner, Runnable work) {
        return create(check(owner), Objects.requireNonNull(work, "work"));
    }

    /** Starts a thread of {@code owner} running {@code work}. */
    public static Thread start(String owner, Runnable work) {
        Thread t = newThread(owner, work);
        t.start();
        return t;
    }

    private static Thread create(String owner, Runnable work) {
        int n = COUNTERS.computeIfAbsent(owner, o -> new AtomicInteger()).incrementAndGet();
        Thread t = new Thread(work, PREFIX + owner + "-" + n);
        t.setDaemon(true);
        t.setUncaughtExceptionHandler(LOG_UNCAUGHT);
        return t;
    }

    private static String check(String owner) {
        if (owner == null || owner.isBlank() || owner.startsWith(PREFIX)) {
            throw new IllegalArgumentException("thread owner must be a short name without '" + PREFIX + "': "
                    + owner);
        }
        return owner.trim().replaceAll("\\s+", "-");
    }
}
