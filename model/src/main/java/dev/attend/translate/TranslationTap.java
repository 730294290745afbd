package dev.attend.translate;

import dev.attend.event.AsrEvents;
import dev.attend.event.AttendEvent;
import dev.attend.event.CoreEvents;
import dev.attend.event.EventSink;
import dev.attend.event.TranslationEvent;
import dev.attend.pipeline.Pipeline;
import dev.attend.pipeline.Stage;
import dev.attend.pipeline.StageContext;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event stage that translates the transcript: it takes {@code asr.final} and {@code asr.partial} from the
 * session's event bus and emits {@code translation} events after them. Finals are translated as they come. A
 * partial is translated only when its stable prefix (see {@link StablePrefix}) has more words than the last one
 * translated for that utterance and at least {@code minPartialInterval} seconds of media time have passed since
 * (media time, so fast and real-time runs behave alike), so the translation pane grows instead of flickering. A
 * partial waits until the stage has caught up with its queue: one that a newer partial or the final of the same
 * utterance supersedes meanwhile is skipped. Partials of an utterance whose final was seen are ignored. The
 * pipeline emits {@code session.end} only after this stage finished its queue. Owns the translator (closed with
 * the stage).
 */
public final class TranslationTap implements Stage<AttendEvent> {

    public static final String NAME = "translation";

    private static final Logger LOG = LoggerFactory.getLogger(TranslationTap.class);

    private final Translator translator;
    private final double minPartialInterval;
    private final Map<Integer, UtteranceState> utterances = new HashMap<>();
    private int lastFinal = -1;
    private String lastError;
    private Pending pending; // the newest partial that passed the checks, translated once the queue is empty
    private EventSink events = EventSink.discard();

    private record Pending(AsrEvents.Partial partial, UtteranceState state, String stable, int words) {
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

    /** @param minPartialInterval media seconds between two partial translations of one utterance (e.g. 0.5) */
    public TranslationTap(Translator translator, double minPartialInterval) {
        this.translator = translator;
        this.minPartialInterval = minPartialInterval;
    }

    /** Adds this stage to a session, fed with what it translates. */
    public Pipeline.Builder addTo(Pipeline.Builder b) {
        return b.eventStage(this, CoreEvents.SessionStart.class, AsrEvents.Final.class, AsrEvents.Partial.class);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void process(AttendEvent event, StageContext ctx) {
        if (event instanceof CoreEvents.SessionStart) {
            warmUp();
        } else if (event instanceof AsrEvents.Final f) {
            if (pending != null && pending.partial().utterance() == f.utterance()) {
                pending = null; // the final supersedes it
            }
            flushPending();
            onFinal(f);
        } else if (event instanceof AsrEvents.Partial p) {
            if (pending != null && pending.partial().utterance() == p.utterance()) {
                pending = null; // a newer guess of the same utterance
            }
            flushPending();
            onPartial(p);
        }
    }

    @Override
    public void start(StageContext ctx) {
        events = ctx.events();
    }

    @Override
    public void caughtUp(StageContext ctx) {
        flushPending();
    }

    @Override
    public void end(StageContext ctx) {
        flushPending();
    }

    @Override
    public void close() {
        translator.close();
    }

    private void warmUp() {
        try {
            translator.warmUp();
        } catch (TranslationException e) {
            report(0, e);
        }
    }

    private void onPartial(AsrEvents.Partial p) {
        if (p.utterance() <= lastFinal) {
            return; // late partial of a settled utterance
        }
        UtteranceState st = utterances.computeIfAbsent(p.utterance(), u -> new UtteranceState(p.t()));
        String stable = StablePrefix.of(st.previous, p.text());
        st.previous = p.text();
        int words = StablePrefix.wordCount(stable);
        if (words <= st.translatedWords || p.t() - st.lastTranslatedAt < minPartialInterval) {
            return;
        }
        pending = new Pending(p, st, stable, words);
    }

    private void flushPending() {
        Pending pd = pending;
        if (pd == null) {
            return;
        }
        pending = null;
        UtteranceState st = pd.state();
        Translation tr = translate(pd.stable(), st.start);
        if (tr != null) {
            st.translatedWords = pd.words();
            st.lastTranslatedAt = pd.partial().t();
            events.emit(new TranslationEvent(st.start, pd.partial().utterance(), tr.pair(), false, pd.stable(),
                    tr.target(), tr.unknownWords(), tr.latencyMs()));
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
            events.emit(new TranslationEvent(f.t(), f.utterance(), tr.pair(), true, f.text(), tr.target(),
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
            events.emit(new CoreEvents.SourceError(t, "translation", e.getMessage(), false));
        }
    }
}
