package dev.attend.app.bench;

import dev.attend.media.VideoFrame;
import dev.attend.encoders.vision.BlazeFaceDetector;
import dev.attend.encoders.vision.FaceAnalyzer;
import dev.attend.encoders.vision.FaceDetection;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The face stage's steps per frame (letterbox preprocessing, BlazeFace inference, decoding + weighted NMS, tracking
 * + mouth motion + descriptor) on a photo sliding across a frame: behind {@code attend bench vision} and the
 * {@code vision} section of {@code attend bench encoders}.
 */
public final class VisionBench implements EncoderBench {

    /** The photo used when none is given (python3-skimage's sample). */
    public static final Path DEFAULT_IMAGE = Path.of("/usr/lib/python3/dist-packages/skimage/data/astronaut.png");
    private static final String[] STEPS = {"preprocess (letterbox)", "inference", "decode + NMS", "tracking + mouth",
        "total"};
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /** What one run measured: one row per step, then the total. */
    public record Result(int width, int height, int frames, int withFace, List<LatencyStats> steps) {

        /** Title line, header and one row per step. */
        public void print(PrintWriter out) {
            out.printf(Locale.ROOT, "BlazeFace front 128, %dx%d frames, %d timed (%d with a face), 1 ORT thread%n",
                    width, height, frames, withFace);
            out.println(LatencyStats.header());
            steps.forEach(s -> out.println(s.row()));
        }
    }

    @Override
    public String name() {
        return "vision";
    }

    @Override
    public void run(BenchSettings s, PrintWriter out) throws Exception {
        BufferedImage photo = Files.isReadable(DEFAULT_IMAGE) ? ImageIO.read(DEFAULT_IMAGE.toFile()) : null;
        out.print("Vision encoder: ");
        if (photo == null) {
            out.println("skipped, no sample photo at " + DEFAULT_IMAGE + " (install python3-skimage, or run "
                    + "'attend bench vision --image FILE')");
            return;
        }
        measure(photo, 640, 480, s.calls(), s.warmup()).print(out);
        out.flush();
    }

    /** Times {@code frames} frames of {@code width}×{@code height} after {@code warmup} untimed ones. */
    public static Result measure(BufferedImage photo, int width, int height, int frames, int warmup)
            throws Exception {
        long[][] wall = new long[STEPS.length][frames];
        long[] cpu = new long[STEPS.length];
        int withFace = 0;
        try (BlazeFaceDetector detector = BlazeFaceDetector.load()) {
            FaceAnalyzer analyzer = new FaceAnalyzer();
            long[] t = new long[5];
            long[] c = new long[5];
            for (int i = -warmup; i < frames; i++) {
                VideoFrame f = frame(photo, width, height, i + warmup);
                mark(t, c, 0);
                BlazeFaceDetector.Prepared p = detector.preprocess(f);
                mark(t, c, 1);
                BlazeFaceDetector.RawOutput raw = detector.infer(p.input());
                mark(t, c, 2);
                List<FaceDetection> faces = detector.decode(raw, p.letterbox());
                mark(t, c, 3);
                analyzer.analyze(f, faces);
                mark(t, c, 4);
                if (i >= 0) {
                    for (int s = 0; s < 4; s++) {
                        wall[s][i] = t[s + 1] - t[s];
                        cpu[s] += c[s + 1] - c[s];
                    }
                    wall[4][i] = t[4] - t[0];
                    cpu[4] += c[4] - c[0];
                    withFace += faces.isEmpty() ? 0 : 1;
                }
            }
        }
        List<LatencyStats> rows = new ArrayList<>();
        for (int s = 0; s < STEPS.length; s++) {
            rows.add(LatencyStats.of(STEPS[s], wall[s], cpu[s]));
        }
        return new Result(width, height, frames, withFace, rows);
    }

    private static void mark(long[] t, long[] c, int i) {
        t[i] = System.nanoTime();
        c[i] = CPU.getCurrentThreadCpuTime();
    }

    /** The photo fitted to the frame's height, sliding 4 px a frame left and right on grey. */
    static VideoFrame frame(BufferedImage photo, int w, int h, int i) {
        double k = Math.min((double) h / photo.getHeight(), (double) w / photo.getWidth());
        int pw = (int) Math.round(photo.getWidth() * k);
        int ph = (int) Math.round(photo.getHeight() * k);
        int room = Math.max(0, w - pw);
        int x = room == 0 ? 0 : Math.abs((i * 4) % (2 * room) - room);
        BufferedImage c = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = c.createGraphics();
        g.setColor(new Color(96, 96, 96));
        g.fillRect(0, 0, w, h);
        g.drawImage(photo, x, (h - ph) / 2, pw, ph, null);
        g.dispose();
        byte[] bgr = ((DataBufferByte) c.getRaster().getDataBuffer()).getData();
        byte[] rgb = new byte[bgr.length];
        for (int j = 0; j < bgr.length; j += 3) {
            rgb[j] = bgr[j + 2];
            rgb[j + 1] = bgr[j + 1];
            rgb[j + 2] = bgr[j];
        }
        return new VideoFrame(i, i / 30.0, w, h, rgb, System.nanoTime());
    }
}
