package dev.attend.ui.media;

import dev.attend.media.VideoFrame;
import dev.attend.pipeline.Stage;
import dev.attend.pipeline.StageContext;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Pipeline stage that keeps the latest frame, scaled down to at most {@link #MAX_WIDTH} pixels wide and packed as
 * ARGB, for the camera view. The UI thread only copies pixels; the freshest frame wins.
 */
public final class VideoPreviewStage implements Stage<VideoFrame> {

    public static final int MAX_WIDTH = 480;
    private final AtomicReference<PreviewFrame> latest;

    public VideoPreviewStage(AtomicReference<PreviewFrame> latest) {
        this.latest = latest;
    }

    @Override
    public String name() {
        return "preview-video";
    }

    @Override
    public void process(VideoFrame f, StageContext ctx) {
        latest.set(scale(f));
    }

    /** Scales a frame to the preview size (every n-th pixel) as ARGB. */
    public static PreviewFrame scale(VideoFrame f) {
        int step = Math.max(1, (f.width() + MAX_WIDTH - 1) / MAX_WIDTH);
        int w = f.width() / step;
        int h = f.height() / step;
        int[] argb = new int[w * h];
        byte[] rgb = f.rgb();
        for (int y = 0; y < h; y++) {
            int row = y * step * f.width();
            for (int x = 0; x < w; x++) {
                int i = (row + x * step) * 3;
                argb[y * w + x] = 0xFF000000 | (rgb[i] & 0xFF) << 16 | (rgb[i + 1] & 0xFF) << 8 | (rgb[i + 2] & 0xFF);
            }
        }
        return new PreviewFrame(f.t(), f.seq(), w, h, argb, f.width(), f.height());
    }

    @Override
    public void close() {
        // nothing native: frames and columns are plain arrays
    }
}
