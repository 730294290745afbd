package dev.attend.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attend.event.AttendEvent;
import dev.attend.event.CoreEvents;
import dev.attend.media.AudioChunk;
import dev.attend.media.VideoFrame;
import dev.attend.pipeline.Fakes.ListSource;
import dev.attend.pipeline.Fakes.RecordingStage;
import dev.attend.testing.EventCollector;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PipelineTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration NEVER = Duration.ofHours(1); // stats only at the end

    private static List<Long> range(long n) {
        return LongStream.range(0, n).boxed().toList();
    }

    private static AttendEvent last(EventCollector c) {
        List<AttendEvent> all = c.events();
        return all.get(all.size() - 1);
    }

    @Test
    void blockPolicyMakesTheSourceWaitAndLosesNothing() throws Exception {
        int n = 300;
        int capacity = 4;
        ListSource src = ListSource.audio(n);
        AtomicInteger processed = new AtomicInteger();
        AtomicInteger maxAhead = new AtomicInteger();
        src.beforeRead = i -> maxAhead.accumulateAndGet(i - processed.get(), Math::max);
        RecordingStage<AudioChunk> slow = new RecordingStage<>("slow") {
            @Override
            public void process(AudioChunk item, StageContext ctx) throws Exception {
                Thread.sleep(1);
                super.process(item, ctx);
                processed.incrementAndGet();
            }
        };
        EventCollector events = new EventCollector();
        try (Pipeline p = Pipeline.builder().source(src).audioStage(slow).events(events).pacing(Pacing.FAST)
                .audioQueueCapacity(capacity).statsInterval(NEVER).build()) {
            p.start();
            assertThat(p.awaitEnd(WAIT)).isTrue();
        }
        assertThat(slow.seqs()).isEqualTo(range(n));
        // the source can be at most the queue plus the item in the stage plus the one it is putting ahead
        assertThat(maxAhead.get()).isLessThanOrEqualTo(capacity + 2);
        CoreEvents.SessionEnd end = (CoreEvents.SessionEnd) last(events);
        assertThat(end.reason()).isEqualTo("eof");
        assertThat(end.audioDropped()).isZero();
        assertThat(end.audioSeconds()).isEqualTo(n * 0.08, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(events.ofType(CoreEvents.Drop.class)).isEmpty();
    }

    @Test
    void liveAudioDropsTheNewestCountsAndReportsIt() throws Exception {
        int n = 200;
        CountDownLatch stageBusy = new CountDownLatch(1);
        CountDownLatch sourceDone = new CountDownLatch(1);
        ListSource mic = new ListSource("fake-mic", true, n, Fakes::chunk);
        mic.beforeRead = i -> {
            if (i == 1) {
                stageBusy.await(); // item 0 is inside the stage from here on
            }
        };
        mic.onEnd = sourceDone::countDown; // every item has been offered
        RecordingStage<AudioChunk> stuck = new RecordingStage<>("stuck") {
            @Override
            public void process(AudioChunk item, StageContext ctx) throws Exception {
                if (item.seq() == 0) {
                    stageBusy.countDown();
                    sourceDone.await();
                }
                super.process(item, ctx);
            }
        };
        EventCollector events = new EventCollector();
        try (Pipeline p = Pipeline.builder().source(mic).audioStage(stuck).events(events)
                .audioQueueCapacity(4).statsInterval(NEVER).build()) {
            p.start();
            assertThat(p.awaitEnd(WAIT)).isTrue();
        }
        // 0 was in the stage, 1..4 filled the queue, 5..199 found it full
        assertThat(stuck.seqs()).containsExactly(0L, 1L, 2L, 3L, 4L);
        List<CoreEvents.Drop> drops = events.ofType(CoreEvents.Drop.class);
        assertThat(drops).hasSize(1);
        assertThat(drops.get(0).stage()).isEqualTo("stuck");
        assertThat(drops.get(0).stream()).isEqualTo("audio");
        assertThat(drops.get(0).dropped()).isEqualTo(195);
        assertThat(drops.get(0).totalDropped()).isEqualTo(195);
        CoreEvents.SessionEnd end = (CoreEvents.SessionEnd) last(events);
        assertThat(end.audioDropped()).isEqualTo(195);
        CoreEvents.Stats stats = events.ofType(CoreEvents.Stats.class).get(0);
        assertThat(stats.stages().get(0).dropped()).isEqualTo(195);
        assertThat(stats.stages().get(0).processed()).isEqualTo(5);
    }

    @Test
    void liveVideoKeepsTheNewestFrames() throws Exception {
        int n = 100;
        CountDownLatch stageBusy = new CountDownLatch(1);
        CountDownLatch sourceDone = new CountDownLatch(1);
        ListSource cam = new ListSource("fake-camera", true, n, Fakes::frame);
        cam.beforeRead = i -> {
            if (i == 1) {
                stageBusy.await(); // item 0 is inside the stage from here on
            }
        };
        cam.onEnd = sourceDone::countDown; // every item has been offered
        RecordingStage<VideoFrame> stuck = new RecordingStage<>("faces") {
            @Override
            public void process(VideoFrame item, StageContext ctx) throws Exception {
                if (item.seq() == 0) {
                    stageBusy.countDown();
                    sourceDone.await();
                }
                super.process(item, ctx);
            }
        };
        EventCollector events = new EventCollector();
        try (Pipeline p = Pipeline.builder().source(cam).videoStage(stuck).events(events)
                .videoQueueCapacity(4).statsInterval(NEVER).build()) {
            p.start();
            assertThat(p.awaitEnd(WAIT)).isTrue();
        }
        assertThat(stuck.seqs()).containsExactly(0L, 96L, 97L, 98L, 99L);
        CoreEvents.SessionEnd end = (CoreEvents.SessionEnd) last(events);
        assertThat(end.videoDropped()).isEqualTo(95);
        assertThat(end.videoFrames()).isEqualTo(100);
        assertThat(events.ofType(CoreEvents.Drop.class)).singleElement()
                .satisfies(d -> assertThat(d.stream()).isEqualTo("video"));
    }

    @Test
    void fastVideoFilesAreNotDropped() throws Exception {
        ListSource file = new ListSource("fake-video-file", false, 200, Fakes::frame);
        RecordingStage<VideoFrame> slow = new RecordingStage<>("slow") {
            @Override
            public void process(VideoFrame item, StageContext ctx) throws Exception {
                Thread.sleep(1);
                super.process(item, ctx);
            }
        };
        try (Pipeline p = Pipeline.builder().source(file).videoStage(slow).pacing(Pacing.FAST)
                .videoQueueCapacity(2).build()) {
            p.start();
            assertThat(p.awaitEnd(WAIT)).isTrue();
        }
        assertThat(slow.seqs()).isEqualTo(range(200));
    }

    @Test
    void statsComeOncePerIntervalWithTheCounters() throws Exception {
        EventCollector events = new EventCollector();
        CountDownLatch threeStats = new CountDownLatch(3);
        ListSource src = ListSource.audio(50);
        src.beforeRead = i -> {
            if (i == 25) {
                threeStats.await(20, TimeUnit.SECONDS); // hold the stream until three periodic stats went out
            }
        };
        RecordingStage<AudioChunk> a = new RecordingStage<>("a");
        RecordingStage<AudioChunk> b = new RecordingStage<>("b");
        try (Pipeline p = Pipeline.builder().source(src).audioStage(a).audioStage(b).pacing(Pacing.FAST)
                .audioQueueCapacity(8).statsInterval(Duration.ofMillis(50)).events(e -> {
                    events.emit(e);
                    if (e instanceof CoreEvents.Stats) {
                        threeStats.countDown();
                    }
                }).build()) {
            p.start();
            assertThat(p.awaitEnd(WAIT)).isTrue();
        }
        List<CoreEvents.Stats> stats = events.ofType(CoreEvents.Stats.class);
        assertThat(stats).hasSizeGreaterThanOrEqualTo(4); // three periodic ones and the final one
        for (CoreEvents.Stats s : stats) {
            assertThat(s.stages()).extracting(CoreEvents.StageStats::name).containsExactly("a", "b");
            assertThat(s.stages()).allSatisfy(st -> {
                assertThat(st.stream()).isEqualTo("audio");
                assertThat(st.queueCapacity()).isEqualTo(8);
                assertThat(st.dropped()).isZero();
            });
        }
        for (int i = 1; i < stats.size(); i++) {
            assertThat(stats.get(i).wallSeconds()).isGreaterThanOrEqualTo(stats.get(i - 1).wallSeconds());
            assertThat(stats.get(i).stages().get(0).processed())
                    .isGreaterThanOrEqualTo(stats.get(i - 1).stages().get(0).processed());
        }
        CoreEvents.Stats finalStats = stats.get(stats.size() - 1);
        assertThat(finalStats.stages()).allSatisfy(st -> {
            assertThat(st.processed()).isEqualTo(50);
            assertThat(st.queueDepth()).isZero();
        });
        assertThat(finalStats.t()).isEqualTo(4.0, org.assertj.core.api.Assertions.within(1e-9)); // 50 x 80 ms
        // the periodic ones came while the stream was held at item 25: 25 chunks processed by then
        assertThat(stats.get(0).stages().get(0).processed()).isLessThanOrEqualTo(25);
        // the final stats come just before session.end, which is last
        List<AttendEvent> all = events.events();
        assertThat(all.get(all.size() - 2)).isSameAs(finalStats);
    }

    @Test
    void aFailingStageIsReportedAndTheOthersContinue() throws Exception {
        RecordingStage<AudioChunk> bad = new RecordingStage<>("bad") {
            @Override
            public void process(AudioChunk item, StageContext ctx) throws Exception {
                if (item.seq() == 5) {
                    throw new IllegalStateException("model exploded");
                }
                super.process(item, ctx);
            }
        };
        RecordingStage<AudioChunk> good = new RecordingStage<>("good");
        ListSource src = ListSource.audio(40);
        EventCollector events = new EventCollector();
        try (Pipeline p = Pipeline.builder().source(src).audioStage(bad).audioStage(good).events(events)
                .pacing(Pacing.FAST).audioQueueCapacity(2).build()) {
            p.start();
            assertThat(p.awaitEnd(WAIT)).isTrue();
        }
        assertThat(good.seqs()).isEqualTo(range(40));
        assertThat(bad.seqs()).isEqualTo(range(5));
        assertThat(events.ofType(CoreEvents.SourceError.class)).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("bad");
            assertThat(e.fatal()).isFalse();
            assertThat(e.t()).isEqualTo(0.4);
            assertThat(e.message()).isEqualTo("stage failed at t=0.4: model exploded");
        });
        assertThat(((CoreEvents.SessionEnd) last(events)).reason()).isEqualTo("eof");
        assertThat(bad.ends.get()).isZero(); // a failed stage is not asked to flush
        assertThat(bad.closes.get()).isEqualTo(1);
        assertThat(good.ends.get()).isEqualTo(1);
        assertThat(good.closes.get()).isEqualTo(1);
    }

    @Test
    void aFailingSourceEndsTheSessionWithAnError() throws Exception {
        ListSource src = new ListSource("broken", false, 10, i -> {
            if (i == 3) {
                throw new IllegalStateException("disk gone");
            }
            return Fakes.chunk(i);
        });
        RecordingStage<AudioChunk> stage = new RecordingStage<>("s");
        EventCollector events = new EventCollector();
        try (Pipeline p = Pipeline.builder().source(src).audioStage(stage).events(events).pacing(Pacing.FAST)
                .build()) {
            p.start();
            assertThat(p.awaitEnd(WAIT)).isTrue();
        }
        assertThat(stage.seqs()).isEqualTo(range(3));
        assertThat(events.ofType(CoreEvents.SourceError.class)).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("broken");
            assertThat(e.fatal()).isTrue();
            assertThat(e.message()).isEqualTo("disk gone");
        });
        assertThat(((CoreEvents.SessionEnd) last(events)).reason()).isEqualTo("error");
        assertThat(src.closes.get()).isEqualTo(1);
    }

    @Test
    void stopMidStreamEndsWithReasonStopped() throws Exception {
        ListSource endless = new ListSource("endless", false, -1, Fakes::chunk);
        CountDownLatch tenSeen = new CountDownLatch(10);
        RecordingStage<AudioChunk> stage = new RecordingStage<>("s") {
            @Override
            public void process(AudioChunk item, StageContext ctx) throws Exception {
                super.process(item, ctx);
                tenSeen.countDown();
            }
        };
        EventCollector events = new EventCollector();
        Pipeline p = Pipeline.builder().source(endless).audioStage(stage).events(events).pacing(Pacing.FAST)
                .build();
        try (p) {
            p.start();
            assertThat(tenSeen.await(20, TimeUnit.SECONDS)).isTrue();
            p.stop();
            assertThat(p.awaitEnd(WAIT)).isTrue();
        }
        List<AttendEvent> all = events.events();
        assertThat(all.get(0)).isInstanceOf(CoreEvents.SessionStart.class);
        CoreEvents.SessionEnd end = (CoreEvents.SessionEnd) last(events);
        assertThat(end.reason()).isEqualTo("stopped");
        assertThat(events.ofType(CoreEvents.SessionEnd.class)).hasSize(1);
        assertThat(stage.ends.get()).isEqualTo(1);
        // what the stage saw is an unbroken prefix of the stream
        assertThat(stage.seqs()).isEqualTo(range(stage.seen.size()));
        assertThat(endless.closes.get()).isEqualTo(1);
        assertThat(stage.closes.get()).isEqualTo(1);
    }

    @Test
    void realtimePacingReleasesFileItemsAtTheirMediaTime() throws Exception {
        // 5 chunks = 0.4 s of media; the wall clock cannot run ahead of media time by construction
        ListSource src = ListSource.audio(5);
        RecordingStage<AudioChunk> stage = new RecordingStage<>("s");
        EventCollector events = new EventCollector();
        try (Pipeline p = Pipeline.builder().source(src).audioStage(stage).events(events).pacing(Pacing.REALTIME)
                .build()) {
            p.start();
            assertThat(p.awaitEnd(WAIT)).isTrue();
        }
        CoreEvents.SessionEnd end = (CoreEvents.SessionEnd) last(events);
        assertThat(end.wallSeconds()).isGreaterThanOrEqualTo(0.32); // the last chunk starts at 0.32 s
        assertThat(stage.seqs()).isEqualTo(range(5));
    }

    @Test
    void pausingAFileStopsItsMediaTimeAndResumeGoesOnWhereItWas() throws Exception {
        // 10 chunks = 0.8 s of media, real time; paused 0.6 s after 0.2 s
        ListSource src = ListSource.audio(10);
        RecordingStage<AudioChunk> stage = new RecordingStage<>("s");
        EventCollector events = new EventCollector();
        try (Pipeline p = Pipeline.builder().source(src).audioStage(stage).events(events).pacing(Pacing.REALTIME)
                .build()) {
            p.start();
            Thread.sleep(200);
            p.pause();
            int seenAtPause = stage.seen.size();
            double mediaAtPause = p.currentMediaTime();
            Thread.sleep(600);
            // nothing more was released while paused (at most the one item already past its wait)
            assertThat(stage.seen.size()).isLessThanOrEqualTo(seenAtPause + 1);
            assertThat(p.currentMediaTime()).isLessThanOrEqualTo(mediaAtPause + 0.08 + 1e-9);
            assertThat(p.isEnded()).isFalse();
            p.resume();
            assertThat(p.awaitEnd(WAIT)).isTrue();
        }
        CoreEvents.SessionEnd end = (CoreEvents.SessionEnd) last(events);
        // 0.72 s of media pacing + 0.6 s paused: the file did not run on during the pause
        assertThat(end.wallSeconds()).isGreaterThanOrEqualTo(0.72 + 0.55);
        assertThat(end.reason()).isEqualTo("eof");
        assertThat(stage.seqs()).isEqualTo(range(10));
    }

    @Test
    void stopWhilePausedEndsAtOnce() throws Exception {
        ListSource src = ListSource.audio(100);
        EventCollector events = new EventCollector();
        try (Pipeline p = Pipeline.builder().source(src).audioStage(new RecordingStage<>("s")).events(events)
                .pacing(Pacing.FAST).build()) {
            p.pause(); // before start: nothing of the file is released
            p.start();
            Thread.sleep(200);
            assertThat(p.currentMediaTime()).isZero();
            long t0 = System.nanoTime();
            p.stop();
            assertThat(p.awaitEnd(WAIT)).isTrue();
            assertThat((System.nanoTime() - t0) / 1e9).isLessThan(1.0);
        }
        assertThat(((CoreEvents.SessionEnd) last(events)).reason()).isEqualTo("stopped");
    }

    @Test
    void aRequiredSourceThatCannotOpenFailsStartAndEverythingIsClosedOnce() {
        ListSource ok = ListSource.audio(10);
        ListSource broken = new ListSource("camera", true, 10, Fakes::frame);
        broken.failOnOpen = new SourceException("no camera at /dev/video9");
        RecordingStage<AudioChunk> stage = new RecordingStage<>("s");
        Pipeline p = Pipeline.builder().source(ok).source(broken).audioStage(stage).build();
        assertThatThrownBy(p::start).isInstanceOf(SourceException.class).hasMessage("no camera at /dev/video9");
        p.close();
        assertThat(ok.closes.get()).isEqualTo(1);
        assertThat(broken.closes.get()).isEqualTo(1);
        assertThat(stage.closes.get()).isEqualTo(1);
        assertThat(stage.starts.get()).isZero();
    }

    @Test
    void anOptionalSourceThatCannotOpenIsANonFatalError() throws Exception {
        ListSource audio = ListSource.audio(10);
        ListSource cam = new ListSource("camera", true, 10, Fakes::frame);
        cam.failOnOpen = new SourceException("no camera at /dev/video0 (no video devices found)");
        RecordingStage<AudioChunk> stage = new RecordingStage<>("s");
        EventCollector events = new EventCollector();
        try (Pipeline p = Pipeline.builder().source(audio).optionalSource(cam).audioStage(stage).events(events)
                .pacing(Pacing.FAST).build()) {
            p.start();
            assertThat(p.awaitEnd(WAIT)).isTrue();
        }
        CoreEvents.SessionStart start = (CoreEvents.SessionStart) events.events().get(0);
        assertThat(start.sources()).hasSize(1);
        assertThat(events.ofType(CoreEvents.SourceError.class)).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("camera");
            assertThat(e.fatal()).isFalse();
            assertThat(e.message()).isEqualTo("no camera at /dev/video0 (no video devices found)");
        });
        assertThat(stage.seqs()).isEqualTo(range(10));
        assertThat(((CoreEvents.SessionEnd) last(events)).reason()).isEqualTo("eof");
        assertThat(cam.closes.get()).isEqualTo(1);
    }

    @Test
    void closingAPipelineThatNeverStartedClosesItsPartsOnce() {
        ListSource src = ListSource.audio(3);
        RecordingStage<AudioChunk> stage = new RecordingStage<>("s");
        Pipeline p = Pipeline.builder().source(src).audioStage(stage).build();
        p.close();
        p.close();
        assertThat(src.closes.get()).isEqualTo(1);
        assertThat(stage.closes.get()).isEqualTo(1);
        assertThat(src.opens.get()).isZero();
    }
}
