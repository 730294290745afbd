package dev.attend.attention;

import dev.attend.encoders.text.MiniLm;
import dev.attend.event.AttentionEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.attend.event.AsrEvents;
import dev.attend.audio.WavFileSource;
import dev.attend.event.AttendEvent;
import dev.attend.event.CoreEvents;
import dev.attend.event.EventJson;
import dev.attend.media.AudioChunk;
import dev.attend.models.ModelIntegrityException;
import dev.attend.pipeline.Pacing;
import dev.attend.pipeline.EventStageDriver;
import dev.attend.pipeline.Pipeline;
import dev.attend.pipeline.Stage;
import dev.attend.pipeline.StageContext;
import dev.attend.testing.EventCollector;
import dev.attend.testing.TestWavs;
import dev.attend.token.Token;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The MiniLM attention tap on a hand-made event stream. */
@Timeout(value = 120, unit = TimeUnit.SECONDS) // hang guard only
class AttentionTapTest {

    private static final CoreEvents.SessionStart START = new CoreEvents.SessionStart(0, "1.0", List.of(), "fast");
    private static final CoreEvents.SessionEnd END = new CoreEvents.SessionEnd(9.0, "eof", 9.0, 0, 0, 0, 1.0);

    private static EventStageDriver drive(AttentionTap tap, EventCollector out) {
        return new EventStageDriver(tap, out, AsrEvents.Final.class);
    }

    private static AsrEvents.Final fin(int utterance, double t, String text) {
        return new AsrEvents.Final(t, t + 1, utterance, text, 0.9, List.of(), List.of());
    }

    @Test
    void emitsSeventyTwoMapsPerFinalWithItsTokensThenTheHeldSessionEnd() throws Exception {
        EventCollector out = new EventCollector();
        EventStageDriver tap = drive(AttentionTap.bundled(), out);
        tap.emit(START);
        tap.emit(fin(0, 1.5, "hello world"));
        tap.emit(new AsrEvents.Partial(3.0, 1, "turn"));
        tap.emit(fin(1, 3.0, "turn on the kitchen lights"));
        tap.emit(fin(2, 5.0, "   ")); // nothing to explain
        tap.end(END);

        List<AttendEvent> events = out.events();
        assertThat(events.get(0)).isEqualTo(START);
        assertThat(events.get(events.size() - 1)).isEqualTo(END);
        List<AttentionEvent> maps = out.ofType(AttentionEvent.class);
        assertThat(maps).hasSize(144);
        checkUtterance(maps.subList(0, 72), 0, 1.5, List.of("[CLS]", "hello", "world", "[SEP]"));
        checkUtterance(maps.subList(72, 144), 1, 3.0,
                List.of("[CLS]", "turn", "on", "the", "kitchen", "lights", "[SEP]"));
        // the finals themselves went straight through, before their maps
        assertThat(events.indexOf(fin(0, 1.5, "hello world"))).isLessThan(events.indexOf(maps.get(0)));
        tap.close(); // idempotent after the session ended
    }

    private static void checkUtterance(List<AttentionEvent> maps, int utterance, double t, List<String> tokens) {
        Set<String> layerHeads = new HashSet<>();
        for (AttentionEvent e : maps) {
            assertThat(e.source()).isEqualTo("minilm");
            assertThat(e.utterance()).isEqualTo(utterance);
            assertThat(e.t()).isEqualTo(t);
            assertThat(e.queryAxis()).isEqualTo("tokens");
            assertThat(e.keyAxis()).isEqualTo("tokens");
            assertThat(e.queries()).isEqualTo(tokens);
            assertThat(e.keys()).isEqualTo(tokens);
            assertThat(e.weights()).hasDimensions(tokens.size(), tokens.size());
            assertThat(e.scores()).hasDimensions(tokens.size(), tokens.size());
            for (float[] row : e.weights()) {
                double sum = 0;
                for (float w : row) {
                    sum += w;
                }
                assertThat(sum).isCloseTo(1.0, within(1e-5));
            }
            layerHeads.add(e.layer() + "/" + e.head());
        }
        assertThat(layerHeads).hasSize(72);
        assertThat(maps.get(0).layer()).isZero();
        assertThat(maps.get(71).layer()).isEqualTo(5);
        assertThat(maps.get(71).head()).isEqualTo(11);
    }

    @Test
    void neverBlocksTheEmittingThreadWhileTheModelIsBusy() throws Exception {
        EventCollector out = new EventCollector();
        CountDownLatch release = new CountDownLatch(1);
        EventStageDriver tap = drive(new AttentionTap(() -> {
            release.await();
            return MiniLm.load(true);
        }), out);
        AsrEvents.Final f = fin(0, 0.5, "good morning");
        tap.emit(f); // returns although the worker waits for the latch
        AsrEvents.Partial p = new AsrEvents.Partial(2.0, 1, "and");
        tap.emit(p);
        assertThat(out.events()).containsExactly(f, p);
        release.countDown();
        tap.end(END);
        assertThat(out.ofType(AttentionEvent.class)).hasSize(72);
        assertThat(out.events().get(out.events().size() - 1)).isEqualTo(END);
    }

    @Test
    void aModelThatCannotLoadGivesOneNonFatalErrorAndTheSessionStillEnds() throws Exception {
        EventCollector out = new EventCollector();
        EventStageDriver tap = drive(new AttentionTap(() -> {
            throw new ModelIntegrityException("bundled model all-minilm-l6-v2-q.onnx is damaged or was replaced");
        }), out);
        tap.emit(fin(0, 1.0, "one"));
        tap.emit(fin(1, 2.0, "two"));
        tap.end(END);
        List<CoreEvents.SourceError> errors = out.ofType(CoreEvents.SourceError.class);
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).source()).isEqualTo("minilm");
        assertThat(errors.get(0).fatal()).isFalse();
        assertThat(errors.get(0).message()).contains("all-minilm-l6-v2-q.onnx");
        assertThat(out.ofType(AttentionEvent.class)).isEmpty();
        assertThat(out.events().get(out.events().size() - 1)).isEqualTo(END);
    }

    /** Issue 18, defect 12: Ctrl+C while the first final loads the model is a stop, not a model fault. */
    @Test
    void aLoadCutShortByTheStopIsNoSourceError() throws Exception {
        EventCollector out = new EventCollector();
        EventStageDriver tap = drive(new AttentionTap(() -> {
            throw new java.io.IOException("cannot unpack the bundled MiniLM",
                    new java.nio.channels.ClosedByInterruptException());
        }), out);
        tap.emit(fin(0, 1.0, "one"));
        tap.end(END);
        assertThat(out.ofType(CoreEvents.SourceError.class)).isEmpty();
        assertThat(out.events().get(out.events().size() - 1)).isEqualTo(END);
        assertThat(AttentionTap.stopping(new java.io.IOException("disk"))).isFalse();
    }

    /** Issue 11: with the fusion model on, the first utterance's tokens must not wait for MiniLM to load. */
    @Test
    void withATokenSubscriberTheModelLoadsAtStartSoTheFirstFinalsTokensComeAtOnce() throws Exception {
        EventCollector out = new EventCollector();
        java.util.concurrent.atomic.AtomicInteger loads = new java.util.concurrent.atomic.AtomicInteger();
        List<Token> tokens = java.util.Collections.synchronizedList(new ArrayList<>());
        EventStageDriver tap = new EventStageDriver(new AttentionTap(() -> {
            loads.incrementAndGet();
            return MiniLm.load(true);
        }), out, tokens::add, AsrEvents.Final.class);
        tap.awaitStarted();
        assertThat(loads.get()).isEqualTo(1); // loaded at the start, before any final arrived
        tap.emit(fin(0, 1.5, "hello world"));
        tap.end(END);
        assertThat(loads.get()).isEqualTo(1);
        assertThat(tokens).extracting(Token::label).containsExactly("[CLS]", "hello", "world", "[SEP]");
        assertThat(out.ofType(AttentionEvent.class)).hasSize(72);
    }

    @Test
    void withoutATokenSubscriberTheModelWaitsForTheFirstFinal() throws Exception {
        EventCollector out = new EventCollector();
        java.util.concurrent.atomic.AtomicInteger loads = new java.util.concurrent.atomic.AtomicInteger();
        EventStageDriver tap = drive(new AttentionTap(() -> {
            loads.incrementAndGet();
            return MiniLm.load(true);
        }), out);
        tap.awaitStarted();
        assertThat(loads.get()).isZero();
        tap.emit(fin(0, 1.5, "hello world"));
        tap.end(END);
        assertThat(loads.get()).isEqualTo(1);
        assertThat(out.ofType(AttentionEvent.class)).hasSize(72);
    }

    @Test
    void aSessionWithoutTranscriptsNeverLoadsTheModel() throws Exception {
        EventCollector out = new EventCollector();
        EventStageDriver tap = drive(new AttentionTap(() -> {
            throw new AssertionError("must not load");
        }), out);
        tap.emit(START);
        tap.end(END);
        assertThat(out.events()).containsExactly(START, END);
    }

    @Test
    void jsonHasThePinnedFieldsInOrder() throws Exception {
        AttentionEvent e = new AttentionEvent(1.25, "minilm", 0, 2, 3, "tokens", "tokens",
                List.of("[CLS]", "hi", "[SEP]"), List.of("[CLS]", "hi", "[SEP]"),
                new float[][] {{0.5f, 0.25f, 0.25f}, {0, 1, 0}, {0, 0, 1}},
                new float[][] {{1, 0.5f, 0.5f}, {0, 2, 0}, {0, 0, 2}});
        String json = EventJson.toJson(e);
        assertThat(json).isEqualTo("{\"type\":\"attention\",\"t\":1.25,\"source\":\"minilm\",\"utterance\":0,"
                + "\"layer\":2,\"head\":3,\"queryAxis\":\"tokens\",\"keyAxis\":\"tokens\","
                + "\"queries\":[\"[CLS]\",\"hi\",\"[SEP]\"],\"keys\":[\"[CLS]\",\"hi\",\"[SEP]\"],"
                + "\"weights\":[[0.5,0.25,0.25],[0.0,1.0,0.0],[0.0,0.0,1.0]],"
                + "\"scores\":[[1.0,0.5,0.5],[0.0,2.0,0.0],[0.0,0.0,2.0]]}");
    }

    /** A stand-in recognizer: one final per second of audio, and its last one from end() (a flush). */
    private static final class FakeRecognizer implements Stage<AudioChunk> {
        private double nextSecond = 1;
        private int utterance;

        @Override
        public String name() {
            return "fake-asr";
        }

        @Override
        public void process(AudioChunk item, StageContext ctx) {
            if (item.endTime() >= nextSecond) {
                ctx.events().emit(fin(utterance++, nextSecond - 1, "second number " + (int) nextSecond));
                nextSecond++;
            }
        }

        @Override
        public void end(StageContext ctx) {
            ctx.events().emit(fin(utterance++, nextSecond - 1, "the last words"));
        }
    }

    @Test
    void inAPipelineSessionEndComesAfterEveryMapAndAwaitEndWaitsForThem(@TempDir Path dir) throws Exception {
        Path wav = TestWavs.silence(dir.resolve("silence.wav"), 16000, 2 * 16000); // 2 s
        EventCollector out = new EventCollector();
        Pipeline.Builder b = Pipeline.builder().source(new WavFileSource(wav)).audioStage(new FakeRecognizer())
                .events(out).pacing(Pacing.FAST);
        List<Token> tokens = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Pipeline p = AttentionTap.bundled().addTo(b).build()) {
            p.tokens().subscribe(Token.class, tokens::add);
            p.start();
            assertThat(p.awaitEnd(Duration.ofSeconds(90))).isTrue();
            List<AttendEvent> events = new ArrayList<>(out.events()); // complete once awaitEnd returned
            assertThat(events.get(events.size() - 1)).isInstanceOf(CoreEvents.SessionEnd.class);
            List<AsrEvents.Final> finals = out.ofType(AsrEvents.Final.class);
            assertThat(finals).hasSize(3);
            assertThat(out.ofType(AttentionEvent.class)).hasSize(3 * 72);
            assertThat(out.ofType(AttentionEvent.class).get(3 * 72 - 1).queries())
                    .containsExactly("[CLS]", "the", "last", "words", "[SEP]");
            // each final's word pieces also went onto the token bus as 384-d text tokens
            List<Token> last = tokens.stream().filter(tk -> tk.modality() == Token.Modality.TEXT && tk.group() == 2)
                    .toList();
            assertThat(last).extracting(Token::label).containsExactly("[CLS]", "the", "last", "words", "[SEP]");
            assertThat(last).extracting(Token::index).containsExactly(0L, 1L, 2L, 3L, 4L);
            assertThat(last).allSatisfy(tk -> {
                assertThat(tk.dim()).isEqualTo(384);
                assertThat(tk.t()).isEqualTo(2.0); // no word times: the utterance's start
            });
        }
    }
}
