package dev.attend.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.event.AttendEvent;
import dev.attend.event.CoreEvents;
import dev.attend.event.WakeEvent;
import dev.attend.media.AudioChunk;
import dev.attend.testing.EventCollector;
import dev.attend.token.Token;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Event stages and the token bus inside a pipeline. */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // hang guard only
class PipelineBusTest {

    /** An audio stage: one level event and one 2-d audio token per chunk. */
    private static final class Meter implements Stage<AudioChunk> {
        @Override
        public String name() {
            return "meter";
        }

        @Override
        public void process(AudioChunk c, StageContext ctx) {
            ctx.events().emit(new CoreEvents.Level(c.t(), 0.08, -20, -10));
            ctx.tokens().publish(Token.audio(c.seq(), c.endTime(), new float[] {c.seq(), 1}));
        }
    }

    /** An event stage answering each event it gets with a wake event, and once more at its end. */
    private static final class Echo implements Stage<AttendEvent> {
        final String name;
        final List<AttendEvent> seen = new CopyOnWriteArrayList<>();
        volatile long delayMs;

        Echo(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void process(AttendEvent e, StageContext ctx) throws InterruptedException {
            seen.add(e);
            Thread.sleep(delayMs);
            ctx.events().emit(new WakeEvent(e.t(), name, 1, 0.5));
        }

        @Override
        public void end(StageContext ctx) {
            ctx.events().emit(new WakeEvent(99, name + "-end", 1, 0.5));
        }
    }

    private static final class TokenSink implements Stage<Token> {
        final List<Token> seen = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "token-sink";
        }

        @Override
        public void process(Token t, StageContext ctx) {
            seen.add(t);
        }
    }

    @Test
    void eventStagesGetWhatTheyAcceptAndFinishBeforeTheSessionEnds() throws Exception {
        EventCollector out = new EventCollector();
        Echo echo = new Echo("echo");
        echo.delayMs = 5; // slower than the source: its queue fills and the end has to wait for it
        Echo all = new Echo("all");
        try (Pipeline p = Pipeline.builder().source(Fakes.ListSource.audio(20)).audioStage(new Meter())
                .eventStage(echo, CoreEvents.Level.class).eventStage(all).events(out).pacing(Pacing.FAST).build()) {
            p.start();
            assertThat(p.awaitEnd(Duration.ofSeconds(30))).isTrue();
        }
        assertThat(echo.seen).hasSize(20).allMatch(CoreEvents.Level.class::isInstance);
        List<WakeEvent> answers = out.ofType(WakeEvent.class).stream().filter(w -> w.model().equals("echo"))
                .toList();
        assertThat(answers).hasSize(20);
        // "all" sees everything but its own answers, including echo's answers and echo's end (echo ends first)
        assertThat(all.seen).noneMatch(e -> e instanceof WakeEvent w && w.model().startsWith("all"));
        assertThat(all.seen).filteredOn(WakeEvent.class::isInstance).hasSize(21);
        assertThat(all.seen.get(0)).isInstanceOf(CoreEvents.SessionStart.class);
        List<AttendEvent> events = out.events();
        assertThat(events.get(events.size() - 1)).isInstanceOf(CoreEvents.SessionEnd.class);
        int allEnd = events.indexOf(new WakeEvent(99, "all-end", 1, 0.5));
        assertThat(allEnd).isPositive();
        // each answer comes after the event it answers
        CoreEvents.Level firstLevel = out.ofType(CoreEvents.Level.class).get(0);
        assertThat(events.indexOf(firstLevel)).isLessThan(events.indexOf(answers.get(0)));
        // the final stats, after the bus stages finished, count their work
        CoreEvents.Stats last = out.ofType(CoreEvents.Stats.class).get(out.ofType(CoreEvents.Stats.class).size() - 1);
        assertThat(events.indexOf(last)).isGreaterThan(allEnd);
        assertThat(last.stages()).filteredOn(s -> s.name().equals("echo")).singleElement()
                .satisfies(s -> {
                    assertThat(s.stream()).isEqualTo("events");
                    assertThat(s.processed()).isEqualTo(20);
                    assertThat(s.queueDepth()).isZero();
                });
    }

    @Test
    void tokenStagesGetTheirModalitiesAndSubscribersSeeEveryToken() throws Exception {
        TokenSink audio = new TokenSink();
        TokenSink video = new TokenSink();
        List<Token> subscribed = new CopyOnWriteArrayList<>();
        try (Pipeline p = Pipeline.builder().source(Fakes.ListSource.audio(12)).audioStage(new Meter())
                .tokenStage(audio, Token.Modality.AUDIO).tokenStage(video, Token.Modality.VIDEO)
                .pacing(Pacing.FAST).build()) {
            p.tokens().subscribe(Token.class, subscribed::add);
            p.start();
            assertThat(p.awaitEnd(Duration.ofSeconds(30))).isTrue();
        }
        assertThat(audio.seen).hasSize(12).allMatch(t -> t.modality() == Token.Modality.AUDIO);
        assertThat(audio.seen).extracting(Token::index).containsExactlyElementsOf(
                java.util.stream.LongStream.range(0, 12).boxed().toList());
        assertThat(audio.seen.get(11).t()).isEqualTo(12 * 0.08, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(video.seen).isEmpty();
        assertThat(subscribed).hasSize(12);
    }

    @Test
    void stopStillLetsEventStagesFinishWhatIsQueued() throws Exception {
        EventCollector out = new EventCollector();
        Echo echo = new Echo("echo");
        echo.delayMs = 20;
        Fakes.ListSource live = new Fakes.ListSource("fake-mic", true, -1, Fakes::chunk);
        try (Pipeline p = Pipeline.builder().source(live).audioStage(new Meter())
                .eventStage(echo, CoreEvents.Level.class).events(out).build()) {
            p.start();
            while (echo.seen.size() < 3) {
                Thread.sleep(5);
            }
            p.stop();
            assertThat(p.awaitEnd(Duration.ofSeconds(30))).isTrue();
        }
        // every level that reached the queue was answered; the end answer comes before session.end
        long levels = out.ofType(CoreEvents.Level.class).size();
        assertThat(out.ofType(WakeEvent.class)).filteredOn(w -> w.model().equals("echo")).hasSize((int) levels);
        List<AttendEvent> events = out.events();
        assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(CoreEvents.SessionEnd.class,
                e -> assertThat(e.reason()).isEqualTo("stopped"));
        assertThat(events).contains(new WakeEvent(99, "echo-end", 1, 0.5));
    }
}
