package dev.attend.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.event.AttendEvent;
import dev.attend.event.CoreEvents;
import dev.attend.media.AudioChunk;
import dev.attend.media.VideoFrame;
import dev.attend.pipeline.Fakes.ListSource;
import dev.attend.pipeline.Fakes.RecordingStage;
import dev.attend.testing.EventCollector;
import dev.attend.token.Token;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** 100 start/stop cycles leave no thread behind and close every part exactly once. */
class PipelineLifecycleTest {

    private static List<String> attendThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("attend-")).toList();
    }

    private static int liveThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).count();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void hundredStartStopCyclesLeakNothing() throws Exception {
        assertThat(attendThreads()).isEmpty();
        int baseline = liveThreads();
        List<ListSource> sources = new ArrayList<>();
        List<RecordingStage<?>> stages = new ArrayList<>();
        for (int cycle = 0; cycle < 100; cycle++) {
            ListSource audio = new ListSource("audio", cycle % 2 == 0, -1, Fakes::chunk);
            ListSource video = new ListSource("video", cycle % 2 == 0, -1, Fakes::frame);
            CountDownLatch flowing = new CountDownLatch(3);
            RecordingStage<AudioChunk> a1 = new RecordingStage<>("a1") {
                @Override
                public void process(AudioChunk item, StageContext ctx) throws Exception {
                    super.process(item, ctx);
                    flowing.countDown();
                }
            };
            RecordingStage<AudioChunk> a2 = new RecordingStage<>("a2");
            RecordingStage<VideoFrame> v1 = new RecordingStage<>("v1");
            RecordingStage<AttendEvent> e1 = new RecordingStage<>("e1"); // bus stages have threads too
            RecordingStage<Token> t1 = new RecordingStage<>("t1");
            EventCollector events = new EventCollector();
            Pipeline p = Pipeline.builder().source(audio).source(video).audioStage(a1).audioStage(a2)
                    .videoStage(v1).eventStage(e1, CoreEvents.Stats.class).tokenStage(t1).events(events)
                    .pacing(Pacing.FAST).statsInterval(Duration.ofMillis(5)).build();
            p.start();
            assertThat(flowing.await(20, TimeUnit.SECONDS)).isTrue();
            if (cycle % 3 == 0) {
                p.close(); // close without an explicit stop
            } else {
                p.stop();
                assertThat(p.awaitEnd(Duration.ofSeconds(20))).isTrue();
                p.close();
            }
            assertThat(attendThreads()).as("cycle %d", cycle).isEmpty();
            assertThat(events.ofType(CoreEvents.SessionEnd.class)).singleElement()
                    .satisfies(e -> assertThat(e.reason()).isEqualTo("stopped"));
            sources.add(audio);
            sources.add(video);
            stages.add(a1);
            stages.add(a2);
            stages.add(v1);
            stages.add(e1);
            stages.add(t1);
        }
        assertThat(sources).allSatisfy(s -> {
            assertThat(s.opens.get()).isEqualTo(1);
            assertThat(s.closes.get()).isEqualTo(1);
        });
        assertThat(stages).allSatisfy(s -> {
            assertThat(s.starts.get()).isEqualTo(1);
            assertThat(s.ends.get()).isEqualTo(1);
            assertThat(s.closes.get()).isEqualTo(1);
        });
        // JVM housekeeping threads may come and go; give them a moment, then the count must be back
        for (int i = 0; i < 100 && liveThreads() > baseline; i++) {
            Thread.sleep(50);
        }
        assertThat(liveThreads()).isLessThanOrEqualTo(baseline);
    }
}
