package dev.attend.app.cli;

import dev.attend.app.bench.VisionBench;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code attend bench vision}: per-frame latency of the face stage's steps (letterbox preprocessing, BlazeFace
 * inference, decoding + weighted NMS, tracking + mouth motion + descriptor) on a photo moving across a frame;
 * the measuring is {@link VisionBench}'s, shared with {@code attend bench encoders}.
 */
@Command(name = "vision", mixinStandardHelpOptions = true,
        description = "Per-frame latency (p50/p95) of face detection steps on a moving photo.")
public final class BenchVisionCommand implements Callable<Integer> {

    static final Path DEFAULT_IMAGE = VisionBench.DEFAULT_IMAGE;

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
        VisionBench.measure(photo, wh[0], wh[1], frames, 30).print(out);
        out.flush();
        return ExitCodes.OK;
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
}
