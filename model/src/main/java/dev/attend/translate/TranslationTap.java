package dev.attend.translate;

import dev.attend.event.TranslationEvent;
import dev.attend.event.AsrEvents;
import dev.attend.event.AttendEvent;
import dev.attend.event.CoreEvents;
import dev.attend.event.EventSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An event tap that translates the transcript: every event goes downstream unchanged at once; {@code asr.final}
 * and {@code asr.partial} are also queued for a single worker thread, which emits {@code translation} events
 * after them. Finals are translated as they come. A partial is translated only when its stable prefix (see
 * {@link StablePrefix}) has more words than the last one translated for that utterance and at least
 * {@code minPartialInterval} seconds of media time have passed since (media time, so fast and real-time runs
 * behave alike), so the translation pane grows instead of flickering; queued partials that a newer partial or the
 * final of the same utterance already supersedes are skipped. Partials of an utterance whose final was seen are
 * ignored.
 *
 * <p>{@code emit} never waits, except for {@code session.end}: that one is held until everything queued before it
 * is translated (at most {@code endWait}), then forwarded, so a run's output is complete before it ends. Owns the
 * translator; {@link #close} (or the session's end, when {@code closeAtSessionEnd}) stops the worker and closes it.
 */
public final class TranslationTap implements EventSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TranslationTap.class);
    private static final Object STOP = new Object();

    private final Translator translator;
    private final EventSink downstream;
    private final double minPartialInterval;
    private final Duration endWait;
    private final boolean closeAtSessionEnd;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Map<Integer, UtteranceState> utterances = new HashMap<>(); // worker thread only
    private int lastFinal = -1; // worker thread only
    private String lastError; // worker thread only
    private Thread worker;
    private boolean closed;

    private record Barrier(CountDownLatch done) {
    }

    private static final class UtteranceState {
        final double start;
        String previous;
        int translatedWords;
        double lastTranslatedAt = Double.NEGATIVE_INFINITY;

        UtteranceState(double start) {
            this.start = start;
        }
    }

    /**
     * @param minPartialInterval media seconds between two partial translations of one utterance (e.g. 0.5)
     * @param endWait            how long {@code session.end} waits for pending translations at most
     * @param closeAtSessionEnd  close this tap (and the translator) once {@code session.end} was forwarded
     */
    public TranslationTap(Translator translator, EventSink downstream, double minPartialInterval, Duration endWait,
                          boolean closeAtSessionEnd) {
        this.translator = translator;
        this.downstream = downstream;
        this.minPartialInterval = minPartialInterval;
        this.endWait = endWait;
        this.closeAtSessionEnd = closeAtSessionEnd;
    }

    @Override
    public void emit(AttendEvent event) {
        if (event instanceof CoreEvents.SessionEnd) {
            awaitPending();
            downstream.emit(event);
            if (closeAtSessionEnd) {
                close();
            }
            return;
        }
        downstream.emit(event);
        if (event instanceof AsrEvents.Final || event instanceof AsrEvents.Partial
                || event instanceof CoreEvents.SessionStart) {
            enqueue(event);
        }
    }

    private synchronized boolean enqueue(Object item) {
        if (closed) {
            return false;
        }
        if (worker == null) {
            worker = new Thread(this::work, "attend-translate-" + translator.pair());
            worker.setDaemon(true);
            worker.start();
        }
        queue.add(item);
        return true;
    }

    /** Waits until everything queued so far has been translated (bounded by endWait). */
    void awaitPending() {
        synchronized (this) {
            if (worker == null) {
                return; // nothing was ever queued
            }
        }
        CountDownLatch done = new CountDownLatch(1);
        if (!enqueue(new Barrier(done))) {
            return;
        }
        try {
            if (!done.await(endWait.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("translations still pending after {} s; ending the session without them",
                        endWait.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void work() {
        List<Object> batch = new ArrayList<>();
        try {
            while (true) {
                batch.clear();
                batch.add(queue.take());
                queue.drainTo(batch);
                for (int i = 0; i < batch.size(); i++) {
                    Object item = batch.get(i);
                    if (item == STOP) {
                        return;
                    }
                    if (item instanceof Barrier b) {
                        b.done().countDown();
                    } else if (item instanceof CoreEvents.SessionStart) {
                        warmUp();
                    } else if (item instanceof AsrEvents.Final f) {
                        onFinal(f);
                    } else if (item instanceof AsrEvents.Partial p) {
                        onPartial(p, supersededLater(batch, i, p.utterance()));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // release anyone still waiting for a barrier
            queue.stream().filter(Barrier.class::isInstance).forEach(b -> ((Barrier) b).done().countDown());
            batch.stream().filter(Barrier.class::isInstance).forEach(b -> ((Barrier) b).done().countDown());
        }
    }

    private static boolean supersededLater(List<Object> batch, int index, int utterance) {
        for (int j = index + 1; j < batch.size(); j++) {
            Object o = batch.get(j);
            if (o instanceof AsrEvents.Partial p && p.utterance() == utterance
                    || o instanceof AsrEvents.Final f && f.utterance() == utterance) {
                return true;
            }
        }
        return false;
    }

    private void warmUp() {
        try {
            translator.warmUp();
        } catch (TranslationException e) {
            report(0, e);
        }
    }

    private void onPartial(AsrEvents.Partial p, boolean superseded) {
        if (p.utterance() <= lastFinal) {
            return; // late partial of a settled utterance
        }
        UtteranceState st = utterances.computeIfAbsent(p.utterance(), u -> new UtteranceState(p.t()));
        String stable = StablePrefix.of(st.previous, p.text());
        st.previous = p.text();
        int words = StablePrefix.wordCount(stable);
        if (superseded || words <= st.translatedWords || p.t() - st.lastTranslatedAt < minPartialInterval) {
            return;
        }
        Translation tr = translate(stable, st.start);
        if (tr != null) {
            st.translatedWords = words;
            st.lastTranslatedAt = p.t();
            downstream.emit(new TranslationEvent(st.start, p.utterance(), tr.pair(), false, stable, tr.target(),
                    tr.unknownWords(), tr.latencyMs()));
        }
    }

    private void onFinal(AsrEvents.Final f) {
        utterances.remove(f.utterance());
        utterances.keySet().removeIf(u -> u < f.utterance());
        lastFinal = Math.max(lastFinal, f.utterance());
        if (f.text() == null || f.text().isBlank()) {
            return;
        }
        Translation tr = translate(f.text(), f.t());
        if (tr != null) {
            downstream.emit(new TranslationEvent(f.t(), f.utterance(), tr.pair(), true, f.text(), tr.target(),
                    tr.unknownWords(), tr.latencyMs()));
        }
    }

    private Translation translate(String text, double t) {
        try {
            return translator.translate(text);
        } catch (TranslationException e) {
            report(t, e);
            return null;
        }
    }

    /** A failure goes to the log and, once per distinct message, onto the stream as a non-fatal source.error. */
    private void report(double t, TranslationException e) {
        LOG.warn("translation failed: {}", e.getMessage());
        if (!e.getMessage().equals(lastError)) {
            lastError = e.getMessage();
            downstream.emit(new CoreEvents.SourceError(t, "translation", e.getMessage(), false));
        }
    }

    /** Finishes what is queued (bounded by endWait), stops the worker and closes the translator. Idempotent. */
    @Override
    public void close() {
        Thread w;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            w = worker;
            queue.add(STOP);
        }
        if (w != null && Thread.currentThread() != w) {
            try {
                w.join(endWait.toMillis());
                if (w.isAlive()) {
                    w.interrupt();
                    w.join(5_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        translator.close();
    }
}
