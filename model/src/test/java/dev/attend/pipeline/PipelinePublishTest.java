package dev.attend.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.event.AttendEvent;
import dev.attend.event.CoreEvents;
import dev.attend.event.TypedTextEvent;
import dev.attend.media.AudioChunk;
import dev.attend.testing.EventCollector;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An event from outside the media (a typed sentence) published into a running session. */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // hang guard only
class PipelinePublishTest {

    /** Holds the media at its first chunk until released, so the session is surely running meanwhile. */
    private static final class Gate implements Stage<AudioChunk> {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch reached = new CountDownLatch(1);

        @Override
        public String name() {
            return "gate";
        }

        @Override
        public void process(AudioChunk c, StageContext ctx) throws InterruptedException {
            reached.countDown();
            release.await();
        }
    }

    /** A bus stage that keeps the typed sentences it gets. */
    private static final class Typed implements Stage<AttendEvent> {
        final List<AttendEvent> seen = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "typed";
        }

        @Override
        public void process(AttendEvent e, StageContext ctx) {
            seen.add(e);
        }
    }

    @Test
    void aPublishedSentenceReachesTheSinkAndTheBusStagesBeforeTheEndAndNothingAfterIt() throws Exception {
        EventCollector out = new EventCollector();
        Gate gate = new Gate();
        Typed typed = new Typed();
        TypedTextEvent sentence = new TypedTextEvent(0, TypedTextEvent.FIRST_ID, "the black cat",
                TypedTextEvent.CAPTIONS);
        Fakes.ListSource media = Fakes.ListSource.audio(3);
        // the source's last item waits for the gate too: a source that has ended starts the session's finish,
        // which refuses publish (on a loaded machine it could end before the test thread sees the gate)
        media.beforeRead = i -> {
            if (i == 2) {
                gate.release.await();
            }
        };
        try (Pipeline p = Pipeline.builder().source(media).audioStage(gate)
                .eventStage(typed, TypedTextEvent.class).events(out).pacing(Pacing.FAST).build()) {
            assertThat(p.publish(sentence)).isFalse(); // not started: nowhere to go
            p.start();
            assertThat(gate.reached.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.publish(sentence)).isTrue();
            gate.release.countDown();
            assertThat(p.awaitEnd(Duration.ofSeconds(30))).isTrue();
            assertThat(p.publish(sentence)).isFalse(); // ended: refused, never written after session.end
        }
        assertThat(typed.seen).containsExactly(sentence);
        List<AttendEvent> events = out.events();
        assertThat(out.ofType(TypedTextEvent.class)).containsExactly(sentence);
        assertThat(events.indexOf(sentence)).isPositive()
                .isLessThan(events.indexOf(out.ofType(CoreEvents.SessionEnd.class).get(0)));
    }
}
