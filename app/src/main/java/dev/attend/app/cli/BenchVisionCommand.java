package dev.attend.app.cli;

import dev.attend.media.VideoFrame;
import dev.attend.vision.BlazeFaceDetector;
import dev.attend.vision.FaceAnalyzer;
import dev.attend.vision.FaceDetection;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code attend bench vision}: per-frame latency of the face stage's steps (letterbox preprocessing, BlazeFace
 * inference, decoding + weighted NMS, tracking + mouth motion + descriptor) on a photo moving across a frame.
 */
@Command(name = "vision", mixinStandardHelpOptions = true,
        description = "Per-frame latency (p50/p95) of face detection steps on a moving photo.")
public final class BenchVisionCommand implements Callable<Integer> {

    static final Path DEFAULT_IMAGE = Path.of("/usr/lib/python3/dist-packages/skimage/data/astronaut.png");

    @Option(names = "--image", paramLabel = "FILE",
            description = "Photo with a face (PNG/JPEG; default: astronaut.png from python3-skimage).")
    Path image;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "640x480", description = "Frame size (default 640x480).")
    String size;

    @Option(names = "--frames", defaultValue = "300", description = "Timed frames after 30 warm-up frames (default 300).")
    int frames;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path file = image != null ? image : DEFAULT_IMAGE;
        if (!Files.isReadable(file)) {
            throw new BadInputException("cannot read the photo " + file + "; give one with --image FILE");
        }
        BufferedImage photo = ImageIO.read(file.toFile());
        if (photo == null) {
            throw new BadInputException(file + " is not a PNG/JPEG/BMP/GIF image; give a photo with --image FILE");
        }
        int[] wh = parseSize(size);
        if (frames < 1) {
            throw new BadInputException("--frames must be at least 1, not " + frames);
        }
        PrintWriter out = spec.commandLine().getOut();
        int warmup = 30;
        double[][] ms = new double[5][frames];
        int withFace = 0;
        try (BlazeFaceDetector detector = BlazeFaceDetector.load()) {
            FaceAnalyzer analyzer = new FaceAnalyzer();
            for (int i = -warmup; i < frames; i++) {
                VideoFrame f = frame(photo, wh[0], wh[1], i + warmup);
                long t0 = System.nanoTime();
                BlazeFaceDetector.Prepared p = detector.preprocess(f);
                long t1 = System.nanoTime();
                BlazeFaceDetector.RawOutput raw = detector.infer(p.input());
                long t2 = System.nanoTime();
                List<FaceDetection> faces = detector.decode(raw, p.letterbox());
                long t3 = System.nanoTime();
                analyzer.analyze(f, faces);
                long t4 = System.nanoTime();
                if (i >= 0) {
                    ms[0][i] = (t1 - t0) / 1e6;
                    ms[1][i] = (t2 - t1) / 1e6;
                    ms[2][i] = (t3 - t2) / 1e6;
                    ms[3][i] = (t4 - t3) / 1e6;
                    ms[4][i] = (t4 - t0) / 1e6;
                    withFace += faces.isEmpty() ? 0 : 1;
                }
            }
        }
        out.printf(Locale.ROOT, "BlazeFace front 128, %dx%d frames, %d timed (%d with a face), 1 ORT thread%n",
                wh[0], wh[1], frames, withFace);
        String[] names = {"preprocess (letterbox)", "inference", "decode + NMS", "tracking + mouth", "total"};
        out.printf(Locale.ROOT, "%-24s %9s %9s %9s%n", "step", "p50 ms", "p95 ms", "mean ms");
        for (int s = 0; s < names.length; s++) {
            double[] v = ms[s].clone();
            Arrays.sort(v);
            out.printf(Locale.ROOT, "%-24s %9.3f %9.3f %9.3f%n", names[s], pct(v, 50), pct(v, 95),
                    Arrays.stream(v).average().orElse(0));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static double pct(double[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static int[] parseSize(String s) {
        try {
            String[] parts = s.toLowerCase(Locale.ROOT).split("x");
            int w = Integer.parseInt(parts[0]);
            int h = Integer.parseInt(parts[1]);
            if (w > 0 && h > 0 && parts.length == 2) {
                return new int[] {w, h};
            }
        } catch (RuntimeException e) {
            // fall through to the message
        }
        throw new BadInputException("--size must look like 640x480, not '" + s + "'");
    }

    /** The photo fitted to the frame's height, sliding 4 px a frame left and right on grey. */
    private static VideoFrame frame(BufferedImage photo, int w, int h, int i) {
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
        byte[] bgr = ((java.awt.image.DataBufferByte) c.getRaster().getDataBuffer()).getData();
        byte[] rgb = new byte[bgr.length];
        for (int j = 0; j < bgr.length; j += 3) {
            rgb[j] = bgr[j + 2];
            rgb[j + 1] = bgr[j + 1];
            rgb[j + 2] = bgr[j];
        }
        return new VideoFrame(i, i / 30.0, w, h, rgb, System.nanoTime());
    }
}
