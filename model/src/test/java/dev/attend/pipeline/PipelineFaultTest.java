package dev.attend.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.event.AttendEvent;
import dev.attend.event.CoreEvents;
import dev.attend.event.EventSink;
import dev.attend.media.AudioChunk;
import dev.attend.pipeline.Fakes.ListSource;
import dev.attend.pipeline.Fakes.RecordingStage;
import dev.attend.testing.EventCollector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Faults around the pipeline: a sink that cannot write, an optional source that is not there. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PipelineFaultTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /** Accepts {@code okEvents} events, then fails like a full disk on every write. */
    static final class FullDiskSink implements EventSink {
        final int okEvents;
        final AtomicInteger attempts = new AtomicInteger();
        final List<AttendEvent> written = new CopyOnWriteArrayList<>();

        FullDiskSink(int okEvents) {
            this.okEvents = okEvents;
        }

        @Override
        public void emit(AttendEvent e) {
            if (attempts.incrementAndGet() > okEvents) {
                throw new UncheckedIOException("cannot write event", new IOException("No space left on device"));
            }
            written.add(e);
        }
    }

    /** Emits one event per chunk, as the level meter does. */
    static final class EmittingStage extends RecordingStage<AudioChunk> {
        EmittingStage() {
            super("emitter");
        }

        @Override
        public void process(AudioChunk item, StageContext ctx) throws Exception {
            super.process(item, ctx);
            ctx.events().emit(new CoreEvents.Drop(item.t(), "emitter", "audio", 0, 0));
        }
    }

    @Test
    void aSinkThatCannotWriteStopsTheSessionWithAnErrorAndTheReason() throws Exception {
        ListSource endless = new ListSource("fake-audio", false, -1, Fakes::chunk);
        EmittingStage stage = new EmittingStage();
        FullDiskSink sink = new FullDiskSink(20);
        try (Pipeline p = Pipeline.builder().source(endless).audioStage(stage).events(sink).pacing(Pacing.FAST)
                .statsInterval(Duration.ofMillis(50)).build()) {
            p.start();
            assertThat(p.awaitEnd(WAIT)).as("the session ends by itself").isTrue();
            assertThat(p.eventsFailure()).isNotNull();
            assertThat(p.eventsFailure()).hasRootCauseMessage("No space left on device");
            assertThat(p.endReason()).isEqualTo("error");
        }
        // one failed write stops the session: later events are not attempted over and over (no stats loop)
        int attempts = sink.attempts.get();
        Thread.sleep(200);
        assertThat(sink.attempts.get()).isEqualTo(attempts);
        assertThat(attempts).isLessThan(20 + 200);
        assertThat(endless.closes.get()).isEqualTo(1);
        assertThat(stage.closes.get()).isEqualTo(1);
    }

    @Test
    void aFailedOptionalLiveSourceLeavesTheFileAudioBlocking() throws Exception {
        int n = 200;
        ListSource file = ListSource.audio(n);
        ListSource camera = new ListSource("camera", true, -1, Fakes::frame);
        camera.failOnOpen = new SourceException("no camera 0");
        RecordingStage<AudioChunk> slow = new RecordingStage<>("slow") {
            @Override
            public void process(AudioChunk item, StageContext ctx) throws Exception {
                Thread.sleep(1);
                super.process(item, ctx);
            }
        };
        EventCollector events = new EventCollector();
        try (Pipeline p = Pipeline.builder().source(file).optionalSource(camera).audioStage(slow)
                .videoStage(new RecordingStage<>("frames")).events(events).pacing(Pacing.FAST)
                .audioQueueCapacity(4).statsInterval(Duration.ofHours(1)).build()) {
            p.start();
            assertThat(p.awaitEnd(WAIT)).isTrue();
        }
        assertThat(slow.seen).hasSize(n);
        CoreEvents.SessionEnd end = events.ofType(CoreEvents.SessionEnd.class).get(0);
        assertThat(end.audioDropped()).isZero();
        assertThat(end.reason()).isEqualTo("eof");
    }
}
