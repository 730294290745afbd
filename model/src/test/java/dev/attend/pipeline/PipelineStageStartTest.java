package dev.attend.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.event.CoreEvents;
import dev.attend.media.AudioChunk;
import dev.attend.media.MediaItem;
import dev.attend.media.VideoFrame;
import dev.attend.pipeline.Fakes.ListSource;
import dev.attend.pipeline.Fakes.RecordingStage;
import dev.attend.testing.EventCollector;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Sources start only once every stage's start() (model loading) has returned. */
class PipelineStageStartTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** A stage whose start() takes 500 ms, like a model load, and that notes when it was ready. */
    private static final class SlowStart<T extends MediaItem> extends RecordingStage<T> {
        volatile long readyNanos = Long.MAX_VALUE;
        private final boolean fail;

        SlowStart(String name, boolean fail) {
            super(name);
            this.fail = fail;
        }

        @Override
        public void start(StageContext ctx) {
            super.start(ctx);
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            readyNanos = System.nanoTime();
            if (fail) {
                throw new IllegalStateException("model file damaged");
            }
        }
    }

    private static List<Long> range(long n) {
        return LongStream.range(0, n).boxed().toList();
    }

    @Test
    void aRealTimeFileWaitsForASlowStageStartSoNothingIsDroppedOrLate() throws Exception {
        // 25 frames of a 25 fps file paced in real time: with a 4-frame video queue, 500 ms of model loading
        // would drop about 8 frames if the file started before the stage was ready
        ListSource video = new ListSource("fake-video", false, 25, Fakes::frame);
        ListSource audio = ListSource.audio(10);
        SlowStart<VideoFrame> vision = new SlowStart<>("vision", false);
        SlowStart<AudioChunk> asr = new SlowStart<>("asr", false);
        EventCollector events = new EventCollector();
        try (Pipeline p = Pipeline.builder().source(video).source(audio).videoStage(vision).audioStage(asr)
                .events(events).pacing(Pacing.REALTIME).build()) {
            p.start();
            assertThat(p.awaitEnd(WAIT)).isTrue();
        }
        assertThat(vision.seqs()).isEqualTo(range(25));
        assertThat(asr.seqs()).isEqualTo(range(10));
        // every item was read after both stages were ready, so none waited out a model load in a queue
        long ready = Math.max(vision.readyNanos, asr.readyNanos);
        assertThat(vision.seen).allSatisfy(f -> assertThat(f.enteredNanos()).isGreaterThan(ready));
        assertThat(asr.seen).allSatisfy(c -> assertThat(c.enteredNanos()).isGreaterThan(ready));
        CoreEvents.SessionEnd end = events.ofType(CoreEvents.SessionEnd.class).get(0);
        assertThat(end.videoDropped()).isZero();
        assertThat(end.audioDropped()).isZero();
        assertThat(events.ofType(CoreEvents.Drop.class)).isEmpty();
        // media time is the file's own: the first frame is still at 0
        assertThat(vision.seen.get(0).t()).isZero();
        assertThat(end.t()).isEqualTo(0.96);
    }

    @Test
    void aFailedSlowStartIsReportedAndTheOtherStagesStillGetEverything() throws Exception {
        ListSource audio = ListSource.audio(10);
        SlowStart<AudioChunk> broken = new SlowStart<>("broken", true);
        RecordingStage<AudioChunk> meter = new RecordingStage<>("meter");
        EventCollector events = new EventCollector();
        try (Pipeline p = Pipeline.builder().source(audio).audioStage(broken).audioStage(meter).events(events)
                .pacing(Pacing.FAST).build()) {
            p.start();
            assertThat(p.awaitEnd(WAIT)).isTrue();
        }
        assertThat(meter.seqs()).isEqualTo(range(10));
        assertThat(meter.seen).allSatisfy(c -> assertThat(c.enteredNanos()).isGreaterThan(broken.readyNanos));
        assertThat(broken.seen).isEmpty();
        assertThat(events.ofType(CoreEvents.SourceError.class)).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("broken");
            assertThat(e.message()).isEqualTo("stage could not start: model file damaged");
            assertThat(e.fatal()).isFalse();
        });
        assertThat(events.ofType(CoreEvents.SessionEnd.class).get(0).reason()).isEqualTo("eof");
    }
}
