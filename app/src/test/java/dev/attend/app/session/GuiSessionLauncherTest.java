package dev.attend.app.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attend.asr.models.ModelEnvironment;
import dev.attend.asr.models.ModelSettings;
import dev.attend.asr.models.VoskModelLocator;
import dev.attend.testkit.ToneModelWriter;
import dev.attend.config.AppDirs;
import dev.attend.translate.ApertiumInstall;
import dev.attend.event.AttendEvent;
import dev.attend.event.CoreEvents;
import dev.attend.media.AudioChunk;
import dev.attend.media.VideoFrame;
import dev.attend.pipeline.Pacing;
import dev.attend.pipeline.Stage;
import dev.attend.pipeline.StageContext;
import dev.attend.ui.session.RunningSession;
import dev.attend.ui.session.SessionRequest;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuiSessionLauncherTest {

    @TempDir
    Path dir;

    private GuiSessionLauncher launcher() {
        return new GuiSessionLauncher(new AppDirs(dir.resolve("c"), dir.resolve("d"), dir.resolve("k")));
    }

    private static SessionRequest request(SessionRequest.Source s, Path file, boolean paced) {
        return new SessionRequest(s, "", "", file, paced, "eng-spa", List.of("hey_jarvis"), 0.6);
    }

    @Test
    void demoRequestPlaysTheBundledClipCopiedToTheCache() throws Exception {
        SessionSpec spec = launcher().spec(request(SessionRequest.Source.DEMO, null, true));

        assertThat(spec.videoFile()).isEqualTo(dir.resolve("k/demo/demo.mp4"));
        try (InputStream in = getClass().getResourceAsStream(GuiSessionLauncher.DEMO_RESOURCE)) {
            assertThat(Files.size(spec.videoFile())).isEqualTo(in.readAllBytes().length);
        }
        assertThat(spec.pacing()).isEqualTo(Pacing.REALTIME);
        assertThat(spec.features().translationPair()).isEqualTo("eng-spa");
        assertThat(spec.features().wakeWords()).containsExactly("hey_jarvis");
        assertThat(spec.features().wakeThreshold()).isEqualTo(0.6);
    }

    @Test
    void aSeekStartsTheFileThereAndPauseStillReachesThePipelineWhileHistoryRecords() throws Exception {
        SessionSpec spec = launcher().spec(request(SessionRequest.Source.DEMO, null, true).startingAt(4.5));
        assertThat(spec.startAt()).isEqualTo(4.5);
        assertThat(spec.media().startAt()).isEqualTo(4.5);

        List<Boolean> paused = new CopyOnWriteArrayList<>();
        AtomicInteger historyClosed = new AtomicInteger();
        RunningSession inner = new RunningSession() {
            @Override
            public void stop() {
            }

            @Override
            public boolean isEnded() {
                return false;
            }

            @Override
            public void setPaused(boolean p) {
                paused.add(p);
            }

            @Override
            public void close() {
            }
        };
        RunningSession s = GuiSessionLauncher.withHistory(inner, historyClosed::incrementAndGet);
        s.setPaused(true);
        s.setPaused(false);
        s.close();
        assertThat(paused).containsExactly(true, false);
        assertThat(historyClosed).hasValue(1);
    }

    @Test
    void sessionsUseTheChosenOrDefaultSpeechModelAndOnlyInstalledPairs() throws Exception {
        AppDirs dirs = new AppDirs(dir.resolve("c"), dir.resolve("d"), dir.resolve("k"));
        ModelEnvironment env = new ModelEnvironment(Map.of(), dir.resolve("home"), "Linux", Locale.US, List.of());
        GuiSessionLauncher launcher = new GuiSessionLauncher(dirs, env, ApertiumInstall.detect());
        SessionRequest req = request(SessionRequest.Source.DEMO, null, true);
        assertThat(launcher.spec(req).features().asrModel()).isNull(); // none installed: no speech recognition

        Path root = VoskModelLocator.installRoot(dirs);
        ToneModelWriter.writeDefault(root.resolve("vosk-model-small-en-us-0.15"));
        ToneModelWriter.writeDefault(root.resolve("vosk-model-small-de-0.15"));
        assertThat(launcher.spec(req).features().asrModel())
                .isEqualTo(root.resolve("vosk-model-small-en-us-0.15").toString()); // default: system language
        new ModelSettings(dirs.config().resolve("models.json")).setVoskModel("vosk-model-small-de-0.15");
        assertThat(launcher.spec(req).features().asrModel())
                .isEqualTo(root.resolve("vosk-model-small-de-0.15").toString()); // chosen in the model manager

        GuiSessionLauncher noApertium = new GuiSessionLauncher(dirs, env, new ApertiumInstall(dir.resolve("none"),
                List.of(dir.resolve("none"))));
        assertThat(noApertium.spec(req).features().translationPair()).isNull();
        assertThat(launcher.spec(new SessionRequest(SessionRequest.Source.DEMO, "", "", null, true, "xxx-yyy",
                List.of(), 0.5)).features().translationPair()).isNull();
    }

    @Test
    void fileRequestsPickAudioOrVideoByExtensionAndMissingFilesAreBadInput() throws Exception {
        Path wav = Files.write(dir.resolve("a.wav"), new byte[] {1});
        Path mp4 = Files.write(dir.resolve("b.mp4"), new byte[] {1});
        assertThat(launcher().spec(request(SessionRequest.Source.FILE, wav, false)).audioFile()).isEqualTo(wav);
        SessionSpec v = launcher().spec(request(SessionRequest.Source.FILE, mp4, false));
        assertThat(v.videoFile()).isEqualTo(mp4);
        assertThat(v.pacing()).isEqualTo(Pacing.FAST);
        assertThatThrownBy(() -> launcher().spec(request(SessionRequest.Source.FILE, dir.resolve("no.wav"), false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no.wav");
    }

    @Test
    void demoSessionRunsThePreviewStagesBesideTheFeatures() throws Exception {
        AtomicInteger audio = new AtomicInteger();
        AtomicInteger video = new AtomicInteger();
        List<AttendEvent> events = new CopyOnWriteArrayList<>();
        Stage<AudioChunk> a = new Stage<>() {
            @Override
            public String name() {
                return "count-audio";
            }

            @Override
            public void close() {
            }

            @Override
            public void process(AudioChunk item, StageContext ctx) {
                audio.incrementAndGet();
            }
        };
        Stage<VideoFrame> v = new Stage<>() {
            @Override
            public String name() {
                return "count-video";
            }

            @Override
            public void close() {
            }

            @Override
            public void process(VideoFrame item, StageContext ctx) {
                video.incrementAndGet();
            }
        };
        try (RunningSession s = launcher().start(request(SessionRequest.Source.DEMO, null, false), events::add,
                List.of(a), List.of(v))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!s.isEnded() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(s.isEnded()).isTrue();
        }
        // 10 s clip: 25 fps video, 80 ms audio chunks
        assertThat(video.get()).isEqualTo(250);
        assertThat(audio.get()).isBetween(124, 126);
        assertThat(events).filteredOn(e -> e instanceof CoreEvents.SessionEnd).singleElement()
                .extracting(e -> ((CoreEvents.SessionEnd) e).reason()).isEqualTo("eof");
        // not asked for: no fusion transformer
        assertThat(events).noneMatch(e -> e instanceof dev.attend.event.FusionEvent);
    }

    @Test
    void fusionRequestedRunsTheBundledModelWithEveryMapAtEveryStep() throws Exception {
        SessionRequest r = new SessionRequest(SessionRequest.Source.DEMO, "", "", null, true, null, List.of(), 0.5,
                true);
        List<AttendEvent> events = new CopyOnWriteArrayList<>();
        try (RunningSession s = launcher().start(r, events::add, List.of(), List.of())) {
            long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
            while (!s.isEnded() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(s.isEnded()).isTrue();
        }
        // one fusion event and one pass of maps per 80-ms audio token (at most 125 for the 10.048-s clip; on a
        // heavily loaded machine the slow model's last steps can be cut off when the session ends)
        List<dev.attend.event.AttentionEvent> maps = events.stream()
                .filter(e -> e instanceof dev.attend.event.AttentionEvent a && "fusion".equals(a.source()))
                .map(e -> (dev.attend.event.AttentionEvent) e).toList();
        long steps = events.stream().filter(e -> e instanceof dev.attend.event.FusionEvent).count();
        assertThat(steps).isBetween(20L, 125L);
        assertThat(maps.stream().map(dev.attend.event.AttentionEvent::utterance).distinct().count()).isEqualTo(steps);
        // no transcript in this session, so no text maps: audio and video self (2 layers) and the two cross
        // blocks, 4 heads each
        assertThat(maps.stream().filter(m -> m.utterance() == 10)).hasSize(24);
        assertThat(maps.stream().map(m -> m.queryAxis() + "→" + m.keyAxis()).distinct())
                .containsExactlyInAnyOrder("audio→audio", "video→video", "audio→video", "video→audio");
        assertThat(events).noneMatch(e -> e instanceof CoreEvents.SourceError err && "fusion".equals(err.source()));
    }
}
