package dev.attend.video;

import dev.attend.media.VideoFrame;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegLogCallback;
import org.bytedeco.javacv.Frame;

/** Shared FFmpeg (JavaCV) set-up and frame conversion for file and camera sources. */
final class FfmpegFrames {

    private static volatile boolean logConfigured;

    private FfmpegFrames() {
    }

    /** FFmpeg's own log (errors only) goes through SLF4J; the app's logback.xml keeps it in the log file. */
    static void configureLogging() {
        if (!logConfigured) {
            synchronized (FfmpegFrames.class) {
                if (!logConfigured) {
                    // JavaCPP's logger writes to System.err unless told to use SLF4J (then Logback decides)
                    if (System.getProperty("org.bytedeco.javacpp.logger") == null) {
                        System.setProperty("org.bytedeco.javacpp.logger", "slf4j");
                    }
                    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
                    FFmpegLogCallback.set();
                    logConfigured = true;
                }
            }
        }
    }

    /** Asks FFmpeg for packed RGB frames and 16 kHz mono float audio (resampled by libswresample). */
    static void requestPipelineFormats(FFmpegFrameGrabber g) {
        g.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
        g.setSampleFormat(avutil.AV_SAMPLE_FMT_FLT);
        g.setSampleRate(16_000);
        g.setAudioChannels(1);
    }

    /** Copies a grabbed RGB24 image into a tightly packed {@link VideoFrame}. */
    static VideoFrame toVideoFrame(Frame f, long seq, double t) {
        int w = f.imageWidth;
        int h = f.imageHeight;
        ByteBuffer src = (ByteBuffer) f.image[0];
        int stride = f.imageStride;
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            src.position(y * stride);
            src.get(rgb, y * w * 3, w * 3);
        }
        src.rewind();
        return new VideoFrame(seq, t, w, h, rgb, System.nanoTime());
    }

    /** Mono float samples of a grabbed audio frame. */
    static float[] toMonoSamples(Frame f) {
        FloatBuffer fb = (FloatBuffer) f.samples[0];
        float[] out = new float[fb.remaining()];
        fb.get(out);
        fb.rewind();
        return out;
    }
}
