package dev.attend.encoders.vision;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.attend.media.VideoFrame;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Public-domain photos from Debian's python3-skimage, as packed-RGB frames. */
final class TestImages {

    static final Path DATA = Path.of("/usr/lib/python3/dist-packages/skimage/data");

    private TestImages() {
    }

    /** The photo, or the test is skipped when python3-skimage is not installed. */
    static Path photo(String name) {
        Path p = DATA.resolve(name);
        assumeTrue(Files.isRegularFile(p), "python3-skimage is not installed (" + p + ")");
        return p;
    }

    static VideoFrame frame(String name) throws IOException {
        return frame(read(photo(name)), 0, 0.0);
    }

    static BufferedImage read(Path p) throws IOException {
        BufferedImage img = ImageIO.read(p.toFile());
        if (img == null) {
            throw new IOException("not an image: " + p);
        }
        return img;
    }

    static VideoFrame frame(BufferedImage img, long seq, double t) {
        int w = img.getWidth();
        int h = img.getHeight();
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = img.getRGB(x, y);
                int i = (y * w + x) * 3;
                rgb[i] = (byte) (p >> 16);
                rgb[i + 1] = (byte) (p >> 8);
                rgb[i + 2] = (byte) p;
            }
        }
        return new VideoFrame(seq, t, w, h, rgb, System.nanoTime());
    }

    /** {@code img} drawn at (x, y) on a grey canvas. */
    static BufferedImage onCanvas(BufferedImage img, int width, int height, int x, int y) {
        BufferedImage c = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = c.createGraphics();
        g.setColor(new java.awt.Color(96, 96, 96));
        g.fillRect(0, 0, width, height);
        g.drawImage(img, x, y, null);
        g.dispose();
        return c;
    }
}
