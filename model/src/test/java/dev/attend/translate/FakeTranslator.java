package dev.attend.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Upper-cases text; words starting with 'x' are "unknown". Records calls; can be made to wait for a gate. */
final class FakeTranslator implements Translator {

    final List<String> calls = new ArrayList<>();
    volatile CountDownLatch gate = new CountDownLatch(0);
    volatile boolean closed;
    volatile String failOn;

    @Override
    public String pair() {
        return "eng-spa";
    }

    @Override
    public Translation translate(String text) {
        try {
            if (!gate.await(30, TimeUnit.SECONDS)) {
                throw new TranslationException("gate never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (calls) {
            calls.add(text);
        }
        if (text.equals(failOn)) {
            throw new TranslationException("eng-spa: Apertium did not answer within 1.0 s");
        }
        String target = text.toUpperCase(Locale.ROOT);
        List<Translation.UnknownWord> unknown = new ArrayList<>();
        int at = 0;
        for (String w : target.split(" ")) {
            if (w.startsWith("X")) {
                unknown.add(new Translation.UnknownWord(w, at, at + w.length(), Translation.Kind.NOT_IN_DICTIONARY));
            }
            at += w.length() + 1;
        }
        return new Translation(pair(), text, target, target, unknown, 1.5, false);
    }

    List<String> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
