package dev.attend.encoders.vision;

import dev.attend.event.FaceEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.event.CoreEvents;
import dev.attend.media.VideoFrame;
import dev.attend.pipeline.Pacing;
import dev.attend.pipeline.StageContext;
import dev.attend.testing.EventCollector;
import dev.attend.testing.TestStageContext;
import org.junit.jupiter.api.Test;

class FaceStageTest {

    /**
     * 13 frames 40 ms apart. {@code arrival[i]} is the wall-clock second frame i reaches the stage (null: on time,
     * at its media time).
     */
    private static EventCollector feed(Pacing pacing, double... arrival) throws Exception {
        VideoFrame photo = TestImages.frame("astronaut.png");
        EventCollector events = new EventCollector();
        StageContext ctx = new TestStageContext(pacing, events);
        long[] now = new long[1];
        try (FaceStage stage = new FaceStage(FaceStage.Options.defaults(), () -> now[0])) {
            stage.start(ctx);
            for (int i = 0; i < 13; i++) {
                double t = i * 0.04;
                now[0] = Math.round((i < arrival.length ? arrival[i] : t) * 1e9);
                stage.process(new VideoFrame(i, t, photo.width(), photo.height(), photo.rgb(), 0), ctx);
            }
            stage.end(ctx);
        }
        return events;
    }

    /** Frames 0–4 on time, then a stall: 5–12 all arrive at 0.5 s (late by 0.30, 0.26, … 0.02 s). */
    private static final double[] STALL = {0, 0.04, 0.08, 0.12, 0.16, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5};

    @Test
    void fastPacingProcessesEveryFrameEvenWhenLate() throws Exception {
        EventCollector events = feed(Pacing.FAST, STALL);
        assertThat(events.ofType(FaceEvent.class)).hasSize(13)
                .allSatisfy(e -> assertThat(e.faces()).singleElement().satisfies(f -> assertThat(f.track()).isEqualTo(1)));
        assertThat(events.ofType(CoreEvents.Drop.class)).isEmpty();
    }

    @Test
    void realtimePacingProcessesOnTimeFrames() throws Exception {
        EventCollector events = feed(Pacing.REALTIME);
        assertThat(events.ofType(FaceEvent.class)).hasSize(13);
        assertThat(events.ofType(CoreEvents.Drop.class)).isEmpty();
    }

    @Test
    void realtimePacingSkipsFramesMoreThanALagLateAndReportsThem() throws Exception {
        EventCollector events = feed(Pacing.REALTIME, STALL);
        // late by 0.30, 0.26, 0.22, 0.18, 0.14 s: skipped; 0.10 and less: processed
        assertThat(events.ofType(FaceEvent.class)).extracting(FaceEvent::frame)
                .containsExactly(0L, 1L, 2L, 3L, 4L, 10L, 11L, 12L);
        assertThat(events.ofType(CoreEvents.Drop.class)).singleElement().satisfies(d -> {
            assertThat(d.stage()).isEqualTo("faces");
            assertThat(d.stream()).isEqualTo("video");
            assertThat(d.dropped()).isEqualTo(5);
            assertThat(d.totalDropped()).isEqualTo(5);
            assertThat(d.t()).isEqualTo(0.4);
        });
    }
}
