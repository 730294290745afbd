package dev.attend.ui.session;

import dev.attend.event.AsrEvents;
import dev.attend.event.AttendEvent;
import dev.attend.event.AttentionEvent;
import dev.attend.event.TranslationEvent;
import dev.attend.event.TypedTextEvent;

/**
 * Renumbers a seek's recognised utterances after the ones the views already hold. A seek restarts the file as a
 * new session whose recognizer counts utterances from 0 again; without this its rows, translations and maps would
 * land on the earlier rows' ids. Typed ids and the fusion transformer's pass numbers are left alone.
 */
final class UtteranceShift {

    private final int offset;
    /** One past the highest shifted id seen: where the next seek's session starts counting. */
    private volatile int next;

    private UtteranceShift(int offset) {
        this.offset = offset;
        this.next = offset;
    }

    /** A fresh session: ids as the recognizer gives them. */
    static UtteranceShift none() {
        return new UtteranceShift(0);
    }

    /** The session a seek starts: its ids follow every id of the session before it. */
    UtteranceShift following() {
        return new UtteranceShift(next);
    }

    AttendEvent apply(AttendEvent e) {
        if (e instanceof AsrEvents.Partial p) {
            int id = shift(p.utterance());
            return offset == 0 ? e : new AsrEvents.Partial(p.t(), id, p.text());
        }
        if (e instanceof AsrEvents.Final f) {
            int id = shift(f.utterance());
            return offset == 0 ? e : new AsrEvents.Final(f.t(), f.end(), id, f.text(), f.confidence(), f.words(),
                    f.alternatives(), f.speaker(), f.speakerScore(), f.speakerVector());
        }
        if (offset == 0) {
            return e;
        }
        if (e instanceof TranslationEvent t && !TypedTextEvent.isTyped(t.utterance())) {
            return new TranslationEvent(t.t(), t.utterance() + offset, t.pair(), t.isFinal(), t.source(), t.target(),
                    t.unknown(), t.latencyMs());
        }
        if (e instanceof AttentionEvent a && !"fusion".equals(a.source()) && !TypedTextEvent.isTyped(a.utterance())) {
            return new AttentionEvent(a.t(), a.source(), a.utterance() + offset, a.layer(), a.head(), a.queryAxis(),
                    a.keyAxis(), a.queries(), a.keys(), a.weights(), a.scores());
        }
        return e;
    }

    private int shift(int id) {
        int s = id + offset;
        if (s >= next) {
            next = s + 1;
        }
        return s;
    }
}
