package dev.attend.encoders.vision;

import dev.attend.event.FaceEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.attend.event.EventJson;
import dev.attend.pipeline.Pacing;
import dev.attend.pipeline.Pipeline;
import dev.attend.token.Token;
import dev.attend.testing.EventCollector;
import dev.attend.video.VideoFileSource;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The face stage on generated videos of the astronaut photo, through the real pipeline and video decoder. */
class FaceVideoTest {

    private static final int SHIFT = 4;
    private static final int FRAMES = 30;

    @TempDir
    static Path dir;
    private static BufferedImage astronaut;

    @BeforeAll
    static void photo() throws Exception {
        astronaut = TestImages.read(TestImages.photo("astronaut.png"));
    }

    private record Run(List<FaceEvent> faces, List<Token> tokens, EventCollector events) {
    }

    private static Run run(Path video) throws Exception {
        EventCollector events = new EventCollector();
        List<Token> tokens = new CopyOnWriteArrayList<>();
        try (Pipeline p = Pipeline.builder().source(new VideoFileSource(video, false))
                .videoStage(new FaceStage(FaceStage.Options.defaults()))
                .events(events).pacing(Pacing.FAST).build()) {
            p.tokens().subscribe(Token.class, Token.only(Token.Modality.VIDEO, tokens::add));
            p.start();
            assertThat(p.awaitEnd(Duration.ofMinutes(2))).isTrue();
        }
        return new Run(events.ofType(FaceEvent.class), tokens, events);
    }

    @Test
    void photoMovingAcrossTheFrameKeepsOneTrack() throws Exception {
        // 512×512 photo on a 640×512 canvas, 4 px to the right per frame
        List<BufferedImage> frames = new ArrayList<>();
        for (int i = 0; i < FRAMES; i++) {
            frames.add(TestImages.onCanvas(astronaut, 640, 512, 4 + SHIFT * i, 0));
        }
        Path video = dir.resolve("moving.mkv");
        TestVideos.write(video, frames, 10);
        Run r = run(video);

        assertThat(r.faces()).hasSize(FRAMES);
        assertThat(r.events().events()).noneMatch(e -> e.type().equals("source.error"));
        // the box follows the photo: its position relative to the photo stays put up to detector jitter (the face
        // is ~19 px wide at the model's 128×128, one model pixel is 5 frame pixels here)
        double[] rel = new double[FRAMES];
        for (int i = 0; i < FRAMES; i++) {
            FaceEvent e = r.faces().get(i);
            assertThat(e.frame()).isEqualTo(i);
            assertThat(e.t()).isCloseTo(i / 10.0, within(1e-3));
            assertThat(e.width()).isEqualTo(640);
            assertThat(e.faces()).as("frame %d", i).singleElement()
                    .satisfies(f -> assertThat(f.track()).isEqualTo(1));
            double[] box = e.faces().get(0).box();
            int offset = 4 + SHIFT * i;
            rel[i] = box[0] - offset;
            assertThat(rel[i]).as("frame %d", i).isBetween(150.0, 200.0); // on her face, as in the still photo
            assertThat(box[1]).as("frame %d", i).isBetween(55.0, 110.0);
        }
        // the jitter is anchor-grid aliasing (the stride-8 grid repeats every 10 frames here): under a model pixel
        double mean = java.util.Arrays.stream(rel).average().orElseThrow();
        for (int i = 0; i < FRAMES; i++) {
            assertThat(rel[i]).as("frame %d", i).isCloseTo(mean, within(5.0));
        }
        // least-squares speed of the box over the 30 frames: the photo's 4 px per frame
        double mi = (FRAMES - 1) / 2.0;
        double num = 0;
        double den = 0;
        for (int i = 0; i < FRAMES; i++) {
            num += (i - mi) * (rel[i] + 4 + SHIFT * i);
            den += (i - mi) * (i - mi);
        }
        assertThat(num / den).isCloseTo(SHIFT, within(0.2));

        assertThat(r.tokens()).hasSize(FRAMES).allSatisfy(t -> {
            assertThat(t.group()).isEqualTo(1); // the track
            assertThat(t.vector()).hasSize(FaceDescriptor.SIZE);
        });
        // the pose part of the descriptor stays put when the photo only moves (within a model pixel of jitter:
        // the eyes are 9 model pixels apart here)
        float[] d0 = r.tokens().get(0).vector();
        float[] d29 = r.tokens().get(FRAMES - 1).vector();
        for (int k = 0; k < 10; k++) {
            assertThat(d29[k]).as("descriptor[%d]", k).isCloseTo(d0[k], within(0.2f));
        }
        assertThat(d29[11] - d0[11]).isCloseTo(SHIFT * (FRAMES - 1) / 640f, within(0.01f));
        String json = EventJson.toJson(r.faces().get(0));
        assertThat(json).startsWith("{\"type\":\"face\",\"t\":0.0,\"frame\":0,\"width\":640,\"height\":512,"
                + "\"faces\":[{\"track\":1,\"score\":");
        assertThat(json).contains("\"box\":[", "\"keypoints\":[[", "\"mouth\":[", "\"mouthMotion\":0.0}]}");
    }

    @Test
    void mouthMotionIsZeroOnAStaticVideoAndPositiveWhenTheMouthChanges() throws Exception {
        BufferedImage open = copy(astronaut);
        Graphics2D g = open.createGraphics();
        g.setColor(new Color(60, 20, 25)); // a dark, open mouth over her smile (mouth keypoint ≈ 219, 146)
        g.fillOval(204, 138, 32, 18);
        g.dispose();
        List<BufferedImage> still = new ArrayList<>();
        List<BufferedImage> talking = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            still.add(astronaut);
            talking.add(i % 2 == 0 ? astronaut : open);
        }
        Path stillVideo = dir.resolve("still.mkv");
        Path talkingVideo = dir.resolve("talking.mkv");
        TestVideos.write(stillVideo, still, 10);
        TestVideos.write(talkingVideo, talking, 10);

        Run s = run(stillVideo);
        assertThat(s.faces()).hasSize(10).allSatisfy(e -> assertThat(e.faces()).singleElement()
                .satisfies(f -> assertThat(f.mouthMotion()).isLessThan(0.01)));

        Run t = run(talkingVideo);
        assertThat(t.faces()).hasSize(10);
        assertThat(t.faces().get(0).faces().get(0).mouthMotion()).isEqualTo(0.0); // a track's first look
        for (int i = 1; i < 10; i++) {
            assertThat(t.faces().get(i).faces()).as("frame %d", i).singleElement()
                    .satisfies(f -> assertThat(f.track()).isEqualTo(1))
                    .satisfies(f -> assertThat(f.mouthMotion()).isGreaterThan(0.1));
        }
        assertThat(t.tokens().get(5).vector()[14]).isGreaterThan(0.1f);
    }

    private static BufferedImage copy(BufferedImage src) {
        BufferedImage c = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = c.createGraphics();
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return c;
    }
}
