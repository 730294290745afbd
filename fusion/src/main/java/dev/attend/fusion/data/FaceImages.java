package dev.attend.fusion.data;

import dev.attend.media.VideoFrame;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Face photos for the synthetic talking face, each put on a square grey canvas of {@link #SIZE} pixels. A face is
 * named by a spec: an image file ({@code astronaut.png}) or one image of a stack in a NumPy file
 * ({@code lfw_subset.npy#12}: scikit-image's 25×25 grey faces from Labeled Faces in the Wild, scaled up).
 */
public final class FaceImages {

    public static final int SIZE = 256;

    private FaceImages() {
    }

    /**
     * The canvas for {@code spec}.
     *
     * @throws IOException when the file is missing or not an image/stack the spec can address
     */
    public static VideoFrame load(String spec) throws IOException {
        int hash = spec.lastIndexOf('#');
        if (hash > 0) {
            int index;
            try {
                index = Integer.parseInt(spec.substring(hash + 1));
            } catch (NumberFormatException e) {
                throw new IOException("face '" + spec + "': the part after # must be an image index");
            }
            return npyFace(Path.of(spec.substring(0, hash)), index, spec);
        }
        Path p = Path.of(spec);
        if (!Files.isRegularFile(p)) {
            throw new IOException("face image not found: " + spec);
        }
        BufferedImage img = ImageIO.read(p.toFile());
        if (img == null) {
            throw new IOException("not an image file: " + spec);
        }
        return canvas(img.getWidth(), img.getHeight(), (x, y) -> img.getRGB(x, y), 1.0);
    }

    private interface Pixels {
        int rgb(int x, int y);
    }

    /** Scales the picture to fill {@code fill} of the canvas (bilinear), centred. */
    private static VideoFrame canvas(int w, int h, Pixels px, double fill) {
        byte[] rgb = new byte[SIZE * SIZE * 3];
        java.util.Arrays.fill(rgb, (byte) 118);
        double scale = fill * SIZE / Math.max(w, h);
        double ox = (SIZE - w * scale) / 2;
        double oy = (SIZE - h * scale) / 2;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double sx = (x + 0.5 - ox) / scale - 0.5;
                double sy = (y + 0.5 - oy) / scale - 0.5;
                if (sx < -0.5 || sy < -0.5 || sx > w - 0.5 || sy > h - 0.5) {
                    continue;
                }
                int x0 = (int) Math.floor(sx);
                int y0 = (int) Math.floor(sy);
                double fx = sx - x0;
                double fy = sy - y0;
                for (int c = 0; c < 3; c++) {
                    int shift = 16 - 8 * c;
                    double v = (1 - fy) * ((1 - fx) * ch(px, w, h, x0, y0, shift) + fx * ch(px, w, h, x0 + 1, y0, shift))
                            + fy * ((1 - fx) * ch(px, w, h, x0, y0 + 1, shift) + fx * ch(px, w, h, x0 + 1, y0 + 1, shift));
                    rgb[(y * SIZE + x) * 3 + c] = (byte) Math.round(Math.max(0, Math.min(255, v)));
                }
            }
        }
        return new VideoFrame(0, 0, SIZE, SIZE, rgb, 0);
    }

    private static int ch(Pixels px, int w, int h, int x, int y, int shift) {
        int cx = Math.max(0, Math.min(w - 1, x));
        int cy = Math.max(0, Math.min(h - 1, y));
        return (px.rgb(cx, cy) >> shift) & 0xff;
    }

    /** One 2-D float image (0..1) of a little-endian float64 NumPy stack [N, H, W], placed at 60 % of the canvas. */
    private static VideoFrame npyFace(Path file, int index, String spec) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("face stack not found: " + file);
        }
        byte[] all = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        if (all.length < 10 || all[0] != (byte) 0x93 || all[1] != 'N') {
            throw new IOException("not a NumPy file: " + file);
        }
        int headerLen = all[6] == 1 ? (b.getShort(8) & 0xffff) : b.getInt(8);
        int dataStart = all[6] == 1 ? 10 + headerLen : 12 + headerLen;
        String header = new String(all, all[6] == 1 ? 10 : 12, headerLen, StandardCharsets.US_ASCII);
        if (!header.contains("'<f8'") || header.contains("'fortran_order': True")) {
            throw new IOException("face stack must be C-ordered float64: " + file);
        }
        String shape = header.replaceAll("(?s).*'shape': \\(([^)]*)\\).*", "$1").replace(" ", "");
        String[] dims = shape.split(",");
        if (dims.length != 3) {
            throw new IOException("face stack must be [N, H, W]: " + file + " has shape (" + shape + ")");
        }
        int n = Integer.parseInt(dims[0]);
        int h = Integer.parseInt(dims[1]);
        int w = Integer.parseInt(dims[2]);
        if (index < 0 || index >= n) {
            throw new IOException("face '" + spec + "': index out of range 0.." + (n - 1));
        }
        int base = dataStart + index * h * w * 8;
        return canvas(w, h, (x, y) -> {
            int g = (int) Math.round(Math.max(0, Math.min(1, b.getDouble(base + (y * w + x) * 8))) * 255);
            return (g << 16) | (g << 8) | g;
        }, 0.6);
    }
}
