package dev.attend.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.attend.audio.Spectrum;
import dev.attend.event.CoreEvents;
import dev.attend.media.AudioChunk;
import dev.attend.media.MediaItem;
import dev.attend.media.VideoFrame;
import dev.attend.pipeline.Pacing;
import dev.attend.pipeline.Pipeline;
import dev.attend.pipeline.SourceException;
import dev.attend.testing.EventCollector;
import dev.attend.testing.ExternalTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Test videos are made at test time by the ffmpeg command (CI installs it): 2 s, 320x240, 25 fps, 1 kHz tone. */
class VideoFileSourceTest {

    @TempDir
    static Path dir;

    static boolean ffmpeg;

    @BeforeAll
    static void makeVideos() throws Exception {
        ffmpeg = ExternalTools.available("ffmpeg", "-version");
        if (!ffmpeg) {
            return;
        }
        make("t.mp4", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac");
        make("t.mkv", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "libvorbis");
        make("t.webm", "-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-c:a", "libopus");
        make("t.avi", "-c:v", "mpeg4", "-c:a", "pcm_s16le"); // PCM: a coded track's delay makes AVI skip frame 1
        ExternalTools.exec("ffmpeg", "-v", "error", "-y", "-f", "lavfi",
                "-i", "testsrc=size=160x120:rate=25", "-t", "1",
                "-c:v", "mpeg4", dir.resolve("silent.mp4").toString());
        // 66 px wide: rows are not a multiple of 32 bytes, so FFmpeg pads them
        ExternalTools.exec("ffmpeg", "-v", "error", "-y", "-f", "lavfi",
                "-i", "color=c=0x3366CC:size=66x50:rate=25", "-t", "0.2",
                "-c:v", "mpeg4", "-q:v", "1", dir.resolve("color.avi").toString());
        ExternalTools.exec("ffmpeg", "-v", "error", "-y", "-f", "lavfi",
                "-i", "sine=frequency=1000:sample_rate=44100", "-t", "1",
                "-c:a", "aac", dir.resolve("audio-only.m4a").toString());
    }

    private static void make(String name, String... codec) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y",
                "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=44100", "-t", "2"));
        cmd.addAll(List.of(codec));
        cmd.add(dir.resolve(name).toString());
        ExternalTools.exec(cmd.toArray(String[]::new));
    }

    private static List<MediaItem> readAll(VideoFileSource s) throws SourceException {
        List<MediaItem> out = new ArrayList<>();
        try {
            s.open();
            MediaItem m;
            while ((m = s.read()) != null) {
                out.add(m);
            }
        } finally {
            s.close();
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"t.mp4", "t.mkv", "t.webm", "t.avi"})
    void framesComeWithTheRightCountSizeAndTimes(String name) throws Exception {
        assumeTrue(ffmpeg, "ffmpeg not installed");
        VideoFileSource src = new VideoFileSource(dir.resolve(name), true);
        List<MediaItem> items = readAll(src);
        List<VideoFrame> frames = items.stream().filter(VideoFrame.class::isInstance).map(VideoFrame.class::cast)
                .toList();
        assertThat(frames).hasSize(50);
        for (int i = 0; i < frames.size(); i++) {
            VideoFrame f = frames.get(i);
            assertThat(f.seq()).isEqualTo(i);
            assertThat(f.width()).isEqualTo(320);
            assertThat(f.height()).isEqualTo(240);
            // Matroska/WebM streams start a few ms after the container; never more than half a frame
            assertThat(f.t()).as("frame %d", i).isCloseTo(i / 25.0, within(0.02));
            if (i > 0) {
                assertThat(f.t() - frames.get(i - 1).t()).isCloseTo(0.04, within(1e-6));
            }
        }
        assertThat(src.describe()).containsEntry("width", 320).containsEntry("height", 240)
                .containsEntry("hasAudio", true);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"t.mp4", "t.mkv", "t.webm", "t.avi"})
    void theAudioTrackBecomesSixteenKilohertzChunks(String name) throws Exception {
        assumeTrue(ffmpeg, "ffmpeg not installed");
        List<AudioChunk> chunks = readAll(new VideoFileSource(dir.resolve(name), true)).stream()
                .filter(AudioChunk.class::isInstance).map(AudioChunk.class::cast).toList();
        int total = chunks.stream().mapToInt(AudioChunk::length).sum();
        // 2 s, give or take the codec's padding (AAC, Opus)
        assertThat(total / 16_000.0).isCloseTo(2.0, within(0.05));
        float[] all = new float[total];
        int p = 0;
        for (int i = 0; i < chunks.size(); i++) {
            AudioChunk c = chunks.get(i);
            assertThat(c.seq()).isEqualTo(i);
            assertThat(c.t()).isCloseTo(chunks.get(0).t() + p / 16_000.0, within(1e-9));
            System.arraycopy(c.samples(), 0, all, p, c.length());
            p += c.length();
        }
        assertThat(chunks.get(0).t()).isCloseTo(0, within(0.02));
        assertThat(Spectrum.peakFrequency(all, 4000, 16_384, 16_000)).isCloseTo(1000, within(1.0));
    }

    @Test
    void withoutAudioOnlyFramesAreRead() throws Exception {
        assumeTrue(ffmpeg, "ffmpeg not installed");
        List<MediaItem> items = readAll(new VideoFileSource(dir.resolve("t.mp4"), false));
        assertThat(items).hasSize(50).allMatch(VideoFrame.class::isInstance);
    }

    @Test
    void aVideoWithoutSoundHasNoAudio() throws Exception {
        assumeTrue(ffmpeg, "ffmpeg not installed");
        VideoFileSource src = new VideoFileSource(dir.resolve("silent.mp4"), true);
        List<MediaItem> items = readAll(src);
        assertThat(items).hasSize(25).allMatch(VideoFrame.class::isInstance);
        assertThat(src.describe()).containsEntry("hasAudio", false).containsEntry("width", 160);
    }

    @Test
    void framesHoldTheDecodedPictureAsRgb() throws Exception {
        assumeTrue(ffmpeg, "ffmpeg not installed");
        // a flat colour with distinct channels: catches swapped channels, strides and padding
        List<MediaItem> items = readAll(new VideoFileSource(dir.resolve("color.avi"), false));
        assertThat(items).hasSize(5);
        VideoFrame f = (VideoFrame) items.get(0);
        assertThat(f.width()).isEqualTo(66);
        for (int[] xy : new int[][] {{0, 0}, {65, 0}, {33, 25}, {0, 49}, {65, 49}}) {
            int[] px = f.pixel(xy[0], xy[1]);
            assertThat(px[0]).as("red at %d,%d", xy[0], xy[1]).isCloseTo(0x33, within(8));
            assertThat(px[1]).as("green").isCloseTo(0x66, within(8));
            assertThat(px[2]).as("blue").isCloseTo(0xCC, within(8));
        }
    }

    @Test
    void aVideoFileRunsThroughThePipelineWithItsAudio() throws Exception {
        assumeTrue(ffmpeg, "ffmpeg not installed");
        EventCollector events = new EventCollector();
        try (Pipeline p = Pipeline.builder().source(new VideoFileSource(dir.resolve("t.mkv"), true))
                .videoStage(new FrameEventStage()).audioStage(new dev.attend.audio.LevelMeterStage())
                .events(events).pacing(Pacing.FAST).build()) {
            p.start();
            assertThat(p.awaitEnd(Duration.ofSeconds(60))).isTrue();
        }
        assertThat(events.ofType(CoreEvents.Frame.class)).hasSize(50)
                .allSatisfy(f -> assertThat(f.width()).isEqualTo(320));
        assertThat(events.ofType(CoreEvents.Level.class)).hasSizeGreaterThanOrEqualTo(20);
        CoreEvents.SessionEnd end = events.ofType(CoreEvents.SessionEnd.class).get(0);
        assertThat(end.reason()).isEqualTo("eof");
        assertThat(end.videoFrames()).isEqualTo(50);
        assertThat(end.videoDropped()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"t.mp4", "t.mkv"})
    void startingAtAnOffsetReadsFromThereWithMediaTimesFromThere(String name) throws Exception {
        assumeTrue(ffmpeg, "ffmpeg not installed");
        VideoFileSource src = new VideoFileSource(dir.resolve(name), true).startAt(1.2);
        List<MediaItem> items = readAll(src);
        List<VideoFrame> frames = items.stream().filter(VideoFrame.class::isInstance).map(VideoFrame.class::cast)
                .toList();
        // frames 30..49 of 50 at 25 fps: the seek lands on 1.2 s, the times go on from there
        assertThat(frames.get(0).t()).isCloseTo(1.2, within(0.045));
        assertThat(frames).hasSizeBetween(19, 21);
        List<AudioChunk> audio = items.stream().filter(AudioChunk.class::isInstance).map(AudioChunk.class::cast)
                .toList();
        assertThat(audio.get(0).t()).isCloseTo(1.2, within(0.05));
        assertThat(src.describe().get("seconds")).isInstanceOf(Double.class);
        assertThat((Double) src.describe().get("seconds")).isCloseTo(2.0, within(0.05));
    }

    @Test
    void aFileWithoutVideoIsRejected() {
        assumeTrue(ffmpeg, "ffmpeg not installed");
        Path p = dir.resolve("audio-only.m4a");
        assertThatThrownBy(() -> new VideoFileSource(p, true).open())
                .isInstanceOf(SourceException.class)
                .hasMessage("no video stream in " + p + "; for audio only, use --audio with a WAV file");
    }

    @Test
    void aGarbageFileIsRejected() throws Exception {
        Path p = Files.write(dir.resolve("garbage.mp4"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13});
        assertThatThrownBy(() -> new VideoFileSource(p, true).open())
                .isInstanceOf(SourceException.class)
                .hasMessage("not a readable video file (mp4, mkv, avi, webm, ... expected): " + p);
    }

    @Test
    void aMissingFileIsRejected() {
        Path p = dir.resolve("missing.mp4");
        assertThatThrownBy(() -> new VideoFileSource(p, true).open())
                .isInstanceOf(SourceException.class)
                .hasMessage("video file not found: " + p);
    }
}
