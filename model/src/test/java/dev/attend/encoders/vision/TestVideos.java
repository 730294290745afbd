package dev.attend.encoders.vision;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/** Writes test videos in process, losslessly (FFV1 in Matroska), so static frames decode identical. */
final class TestVideos {

    private TestVideos() {
    }

    static void write(Path file, List<BufferedImage> frames, double fps) throws Exception {
        BufferedImage first = frames.get(0);
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toFile(), first.getWidth(), first.getHeight(), 0);
             Java2DFrameConverter conv = new Java2DFrameConverter()) {
            rec.setFormat("matroska");
            rec.setVideoCodec(avcodec.AV_CODEC_ID_FFV1);
            rec.setPixelFormat(avutil.AV_PIX_FMT_BGR0);
            rec.setFrameRate(fps);
            rec.start();
            for (BufferedImage img : frames) {
                rec.record(conv.convert(bgr(img)));
            }
            rec.stop();
        }
    }

    /** 3-byte BGR, the layout the recorder reads as BGR24 (an int-packed image would be misread). */
    private static BufferedImage bgr(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return img;
        }
        BufferedImage c = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        java.awt.Graphics2D g = c.createGraphics();
        g.drawImage(img, 0, 0, null);
        g.dispose();
        return c;
    }
}
