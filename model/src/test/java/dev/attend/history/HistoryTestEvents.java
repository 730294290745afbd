package dev.attend.history;

import dev.attend.event.AsrEvents;
import dev.attend.event.CoreEvents;
import dev.attend.event.TranslationEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Events of a small made-up session for the history tests. */
final class HistoryTestEvents {

    private HistoryTestEvents() {
    }

    static CoreEvents.SessionStart start() {
        return new CoreEvents.SessionStart(0, "1.0", List.of(Map.of("kind", "audio-file", "path", "talk.wav")), "fast");
    }

    static AsrEvents.Final fin(int id, double t, String text) {
        List<AsrEvents.Word> words = new ArrayList<>();
        double at = t;
        for (String w : text.split(" ")) {
            words.add(new AsrEvents.Word(w, at, at + 0.3, 0.9));
            at += 0.4;
        }
        return new AsrEvents.Final(t, at - 0.1, id, text, 0.9, words, List.of());
    }

    static TranslationEvent translation(int id, double t, String source, String target) {
        return new TranslationEvent(t, id, "eng-spa", true, source, target, List.of(), 1.0);
    }

    static CoreEvents.Level level(double t) {
        return new CoreEvents.Level(t, 0.1, -20, -6);
    }

    static CoreEvents.SessionEnd end(double t) {
        return new CoreEvents.SessionEnd(t, "eof", t, 0, 0, 0, 1.0);
    }
}
