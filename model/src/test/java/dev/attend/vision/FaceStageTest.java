package dev.attend.vision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.event.CoreEvents;
import dev.attend.event.EventSink;
import dev.attend.media.VideoFrame;
import dev.attend.pipeline.Pacing;
import dev.attend.pipeline.Pipeline;
import dev.attend.pipeline.StageContext;
import org.junit.jupiter.api.Test;

class FaceStageTest {

    private static StageContext context(Pacing pacing, EventSink sink) {
        return new StageContext() {
            @Override
            public EventSink events() {
                return sink;
            }

            @Override
            public Pacing pacing() {
                return pacing;
            }

            @Override
            public boolean stopping() {
                return false;
            }
        };
    }

    /** Frames 0.1 ms apart in media time: far faster than any detector, so real time must skip and say so. */
    private static Pipeline.Collector feed(Pacing pacing) throws Exception {
        VideoFrame photo = TestImages.frame("astronaut.png");
        Pipeline.Collector events = new Pipeline.Collector();
        StageContext ctx = context(pacing, events);
        try (FaceStage stage = new FaceStage()) {
            stage.start(ctx);
            for (int i = 0; i < 12; i++) {
                stage.process(new VideoFrame(i, i * 1e-4, photo.width(), photo.height(), photo.rgb(), 0), ctx);
            }
            stage.end(ctx);
        }
        return events;
    }

    @Test
    void fastPacingProcessesEveryFrame() throws Exception {
        Pipeline.Collector events = feed(Pacing.FAST);
        assertThat(events.ofType(FaceEvent.class)).hasSize(12)
                .allSatisfy(e -> assertThat(e.faces()).singleElement().satisfies(f -> assertThat(f.track()).isEqualTo(1)));
        assertThat(events.ofType(CoreEvents.Drop.class)).isEmpty();
    }

    @Test
    void realtimePacingSkipsWhatItCannotKeepUpWithAndReportsIt() throws Exception {
        Pipeline.Collector events = feed(Pacing.REALTIME);
        int processed = events.ofType(FaceEvent.class).size();
        assertThat(processed).isBetween(1, 11);
        assertThat(events.ofType(FaceEvent.class).get(0).frame()).isEqualTo(0);
        long dropped = events.ofType(CoreEvents.Drop.class).stream().mapToLong(CoreEvents.Drop::dropped).sum();
        assertThat(dropped).isEqualTo(12 - processed);
        assertThat(events.ofType(CoreEvents.Drop.class)).allSatisfy(d -> {
            assertThat(d.stage()).isEqualTo("faces");
            assertThat(d.stream()).isEqualTo("video");
        });
    }
}
