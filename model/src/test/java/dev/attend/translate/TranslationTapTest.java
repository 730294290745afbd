package dev.attend.translate;

import dev.attend.event.TranslationEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.event.AsrEvents;
import dev.attend.event.AttendEvent;
import dev.attend.event.CoreEvents;
import dev.attend.event.EventJson;
import dev.attend.pipeline.EventStageDriver;
import dev.attend.testing.EventCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class TranslationTapTest {

    private static AsrEvents.Final fin(double t, int utterance, String text) {
        return new AsrEvents.Final(t, t + 1, utterance, text, 0.9, List.of(), List.of());
    }

    private static EventStageDriver drive(TranslationTap tap, EventCollector out) {
        return new EventStageDriver(tap, out, CoreEvents.SessionStart.class, AsrEvents.Final.class,
                AsrEvents.Partial.class);
    }

    private static CoreEvents.SessionEnd end() {
        return new CoreEvents.SessionEnd(10, "eof", 10, 0, 0, 0, 0.5);
    }

    @Test
    void finalsBecomeTranslationEventsAlignedToTheirUtterances() throws Exception {
        FakeTranslator fake = new FakeTranslator();
        EventCollector out = new EventCollector();
        try (EventStageDriver tap = drive(new TranslationTap(fake, 0.5), out)) {
            tap.emit(fin(0.5, 0, "hello world"));
            tap.emit(new CoreEvents.Level(1.0, 0.1, -20, -10));
            tap.emit(fin(2.0, 1, "xyzzy is here"));
            tap.emit(fin(3.0, 2, "  "));
            tap.end(end());
        }
        List<TranslationEvent> tr = out.ofType(TranslationEvent.class);
        assertThat(tr).containsExactly(
                new TranslationEvent(0.5, 0, "eng-spa", true, "hello world", "HELLO WORLD", List.of(), 1.5),
                new TranslationEvent(2.0, 1, "eng-spa", true, "xyzzy is here", "XYZZY IS HERE", List.of("XYZZY"),
                        1.5));
        List<AttendEvent> all = out.events();
        // every event forwarded unchanged, each translation after its final, session.end last
        assertThat(all).filteredOn(e -> !(e instanceof TranslationEvent)).hasSize(5);
        assertThat(all.indexOf(tr.get(0))).isGreaterThan(all.indexOf(fin(0.5, 0, "hello world")));
        assertThat(all.get(all.size() - 1)).isInstanceOf(CoreEvents.SessionEnd.class);
        assertThat(fake.closed).isTrue();
    }

    private static List<AsrEvents.Partial> growingPartials() {
        String[] words = "one two three four five six seven eight nine ten eleven twelve".split(" ");
        List<AsrEvents.Partial> partials = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            String text = String.join(" ", List.of(words).subList(0, i + 1));
            partials.add(new AsrEvents.Partial(1.0 + 0.1 * i, 3, text));
            partials.add(new AsrEvents.Partial(1.05 + 0.1 * i, 3, text)); // repeated, as recognisers do
        }
        partials.add(new AsrEvents.Partial(2.5, 3, "one two three four five six seven eight nine ten elf"));
        return partials;
    }

    private static final String TWELVE = "one two three four five six seven eight nine ten eleven twelve";

    @Test
    void growingPartialsAreDebouncedAndNeverShrink() throws Exception {
        FakeTranslator fake = new FakeTranslator();
        EventCollector out = new EventCollector();
        List<AsrEvents.Partial> partials = growingPartials();
        try (EventStageDriver tap = drive(new TranslationTap(fake, 0.3), out)) {
            for (AsrEvents.Partial p : partials) {
                tap.emit(p);
                tap.awaitIdle(); // as live: the worker keeps up with each partial
            }
            tap.emit(fin(1.0, 3, TWELVE));
            tap.emit(new AsrEvents.Partial(3.0, 3, "late partial of a finished utterance"));
            tap.end(end());
        }
        List<TranslationEvent> tr = out.ofType(TranslationEvent.class);
        List<TranslationEvent> partialTr = tr.stream().filter(e -> !e.isFinal()).toList();
        // stable prefixes "one", then (at least 0.3 s of media time later) longer ones: far fewer than partials
        assertThat(partialTr.size()).isBetween(2, partials.size() / 4);
        assertThat(partialTr.get(0).source()).isEqualTo("one");
        assertGrowing(partialTr);
        assertThat(tr.get(tr.size() - 1)).isEqualTo(
                new TranslationEvent(1.0, 3, "eng-spa", true, TWELVE, TWELVE.toUpperCase(), List.of(), 1.5));
        assertThat(tr).filteredOn(TranslationEvent::isFinal).hasSize(1);
        assertThat(fake.calls()).hasSize(tr.size()).noneMatch(c -> c.startsWith("late"));
    }

    @Test
    void aBurstOfPartialsIsCoalescedAndStillNeverShrinks() throws Exception {
        FakeTranslator fake = new FakeTranslator();
        fake.gate = new CountDownLatch(1);
        EventCollector out = new EventCollector();
        List<AsrEvents.Partial> partials = growingPartials();
        try (EventStageDriver tap = drive(new TranslationTap(fake, 0.0), out)) {
            partials.forEach(tap::emit); // faster than the (blocked) translator
            fake.gate.countDown();
            tap.end(end());
        }
        List<TranslationEvent> tr = out.ofType(TranslationEvent.class);
        assertThat(tr.size()).isLessThan(partials.size() / 2);
        assertGrowing(tr);
    }

    private static void assertGrowing(List<TranslationEvent> partialTr) {
        int lastWords = 0;
        for (TranslationEvent e : partialTr) {
            int n = StablePrefix.wordCount(e.source());
            assertThat(n).as("source never shrinks: %s", e.source()).isGreaterThan(lastWords);
            assertThat(TWELVE).startsWith(e.source());
            assertThat(e.isFinal()).isFalse();
            assertThat(e.target()).isEqualTo(e.source().toUpperCase());
            assertThat(e.utterance()).isEqualTo(3);
            assertThat(e.t()).isEqualTo(1.0);
            lastWords = n;
        }
    }

    @Test
    void emittingNeverWaitsForTheTranslatorButSessionEndWaitsForPendingFinals() throws Exception {
        FakeTranslator fake = new FakeTranslator();
        fake.gate = new CountDownLatch(1);
        EventCollector out = new EventCollector();
        EventStageDriver tap = drive(new TranslationTap(fake, 0.5), out);
        for (int u = 0; u < 5; u++) {
            tap.emit(fin(u, u, "sentence " + u)); // returns although the translator is blocked
        }
        assertThat(out.ofType(AsrEvents.Final.class)).hasSize(5);
        assertThat(out.ofType(TranslationEvent.class)).isEmpty();
        Thread ender = new Thread(() -> {
            try {
                tap.end(end());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ender.start();
        fake.gate.countDown();
        ender.join();
        List<AttendEvent> all = out.events();
        assertThat(all.get(all.size() - 1)).isInstanceOf(CoreEvents.SessionEnd.class);
        assertThat(out.ofType(TranslationEvent.class)).extracting(TranslationEvent::utterance)
                .containsExactly(0, 1, 2, 3, 4);
        assertThat(fake.closed).isTrue(); // closed at session end, as asked
    }

    @Test
    void failuresBecomeOneNonFatalSourceErrorAndTheStreamGoesOn() throws Exception {
        FakeTranslator fake = new FakeTranslator();
        fake.failOn = "bad";
        EventCollector out = new EventCollector();
        try (EventStageDriver tap = drive(new TranslationTap(fake, 0.5), out)) {
            tap.emit(fin(0, 0, "bad"));
            tap.emit(fin(1, 1, "bad"));
            tap.emit(fin(2, 2, "good"));
            tap.end(end());
        }
        assertThat(out.ofType(CoreEvents.SourceError.class)).singleElement()
                .satisfies(e -> {
                    assertThat(e.source()).isEqualTo("translation");
                    assertThat(e.fatal()).isFalse();
                    assertThat(e.message()).contains("did not answer");
                });
        assertThat(out.ofType(TranslationEvent.class)).extracting(TranslationEvent::source).containsExactly("good");
    }

    @Test
    void cacheHitAvoidsARoundTrip() throws Exception {
        FakeTranslator fake = new FakeTranslator();
        try (CachingTranslator cache = new CachingTranslator(fake, 2)) {
            Translation first = cache.translate("hello");
            Translation second = cache.translate("hello");
            assertThat(fake.calls()).containsExactly("hello");
            assertThat(first.cached()).isFalse();
            assertThat(second.cached()).isTrue();
            assertThat(second.target()).isEqualTo(first.target());
            cache.translate("a");
            cache.translate("b"); // evicts "hello" (least recently used)
            cache.translate("hello");
            assertThat(fake.calls()).containsExactly("hello", "a", "b", "hello");
            assertThat(cache.hits()).isEqualTo(1);
            assertThat(cache.misses()).isEqualTo(4);
        }
    }

    @Test
    void translationEventJsonIsAsPinned() throws Exception {
        TranslationEvent e = new TranslationEvent(1.25, 0, "eng-spa", true, "the xyzzy", "el xyzzy",
                List.of("xyzzy"), 12.3);
        assertThat(EventJson.toJson(e)).isEqualTo("{\"type\":\"translation\",\"t\":1.25,\"utterance\":0,"
                + "\"pair\":\"eng-spa\",\"final\":true,\"source\":\"the xyzzy\",\"target\":\"el xyzzy\","
                + "\"unknown\":[\"xyzzy\"],\"latencyMs\":12.3}");
    }

    @Test
    void realApertiumBehindTheTapAndTheCache() throws Exception {
        ApertiumTranslator engine = ApertiumInstall.detect().open("eng-spa");
        CachingTranslator cached = new CachingTranslator(engine, 64);
        EventCollector out = new EventCollector();
        try (EventStageDriver tap = drive(new TranslationTap(cached, 0.5), out)) {
            tap.emit(new CoreEvents.SessionStart(0, "1.0", List.of(), "fast"));
            tap.emit(fin(0.4, 0, "the house is red"));
            tap.emit(fin(2.0, 1, "the xyzzy is red"));
            tap.emit(fin(4.0, 2, "the house is red"));
            tap.end(end());
            assertThat(engine.roundTrips()).isEqualTo(3); // warm-up + two distinct sentences
        }
        List<TranslationEvent> tr = out.ofType(TranslationEvent.class);
        assertThat(tr).extracting(TranslationEvent::utterance).containsExactly(0, 1, 2);
        assertThat(tr).extracting(TranslationEvent::target)
                .containsExactly("La casa es roja", "El xyzzy es rojo", "La casa es roja");
        assertThat(tr.get(1).unknown()).containsExactly("xyzzy");
        assertThat(cached.hits()).isEqualTo(1);
    }
}
