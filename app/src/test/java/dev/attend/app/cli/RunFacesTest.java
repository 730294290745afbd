package dev.attend.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attend.app.Main;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attend run --video F --fast --events -} emits {@code face} events, in process. */
class RunFacesTest {

    private static final Path ASTRONAUT = Path.of("/usr/lib/python3/dist-packages/skimage/data/astronaut.png");

    @TempDir
    Path dir;

    @Test
    void videoRunEmitsFaceEvents() throws Exception {
        assumeTrue(Files.isRegularFile(ASTRONAUT), "python3-skimage is not installed");
        Path video = dir.resolve("astronaut.mkv");
        writeStillVideo(ImageIO.read(ASTRONAUT.toFile()), video, 8, 4);

        PrintStream stdout = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = CliRunner.runOnSystemStreams("run", "--video", video.toString(), "--fast", "--events", "-");
        } finally {
            System.setOut(stdout);
        }
        assertThat(code).isEqualTo(ExitCodes.OK);

        ObjectMapper json = new ObjectMapper();
        List<JsonNode> faces = new ArrayList<>();
        List<JsonNode> all = new ArrayList<>();
        for (String line : buf.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            all.add(n);
            if (n.get("type").asText().equals("face")) {
                faces.add(n);
            }
        }
        assertThat(all.get(all.size() - 1).get("type").asText()).isEqualTo("session.end");
        assertThat(all).noneMatch(n -> n.get("type").asText().equals("source.error"));
        assertThat(faces).hasSize(8);
        for (int i = 0; i < faces.size(); i++) {
            JsonNode e = faces.get(i);
            assertThat(e.get("frame").asLong()).isEqualTo(i);
            assertThat(e.get("width").asInt()).isEqualTo(512);
            assertThat(e.get("faces")).hasSize(1);
            JsonNode f = e.get("faces").get(0);
            assertThat(f.get("track").asInt()).isEqualTo(1);
            assertThat(f.get("score").asDouble()).isGreaterThan(0.75);
            JsonNode box = f.get("box");
            assertThat(box.get(0).asDouble()).isBetween(150.0, 200.0);
            assertThat(box.get(1).asDouble()).isBetween(55.0, 110.0);
            assertThat(f.get("keypoints")).hasSize(6);
            assertThat(f.get("mouth")).hasSize(4);
            assertThat(f.get("mouthMotion").asDouble()).isLessThan(0.01); // a still picture
        }
    }

    /** A lossless (FFV1) video showing the same picture in every frame. */
    private static void writeStillVideo(BufferedImage img, Path file, int frames, double fps) throws Exception {
        BufferedImage bgr = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        bgr.createGraphics().drawImage(img, 0, 0, null);
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toFile(), img.getWidth(), img.getHeight(), 0);
             Java2DFrameConverter conv = new Java2DFrameConverter()) {
            rec.setFormat("matroska");
            rec.setVideoCodec(avcodec.AV_CODEC_ID_FFV1);
            rec.setFrameRate(fps);
            rec.start();
            for (int i = 0; i < frames; i++) {
                rec.record(conv.convert(bgr));
            }
            rec.stop();
        }
    }
}
