package dev.attend.video;

import dev.attend.media.MediaItem;
import dev.attend.pipeline.MediaSource;
import dev.attend.pipeline.SessionClock;
import dev.attend.pipeline.SourceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * A live camera through FFmpeg's device inputs (JavaCV): V4L2 on Linux, DirectShow on Windows, AVFoundation on
 * macOS. Frames are stamped with the session clock when grabbed.
 */
public final class CameraSource implements MediaSource {

    private final String device;   // index ("0") or OS device name
    private final int width;
    private final int height;
    private final double fps;
    private FFmpegFrameGrabber grabber;
    private SessionClock clock;
    private long seq;
    private volatile boolean closed;

    /**
     * @param device an index such as {@code 0}, or a device name (Windows/macOS) or path (Linux)
     */
    public CameraSource(String device, int width, int height, double fps) {
        this.device = device;
        this.width = width;
        this.height = height;
        this.fps = fps;
    }

    @Override
    public String name() {
        return "camera";
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "camera");
        m.put("device", device);
        m.put("width", grabber != null ? grabber.getImageWidth() : width);
        m.put("height", grabber != null ? grabber.getImageHeight() : height);
        m.put("fps", fps);
        return m;
    }

    @Override
    public boolean live() {
        return true;
    }

    @Override
    public void open(SessionClock sessionClock) throws SourceException {
        this.clock = sessionClock;
        FfmpegFrames.configureLogging();
        String os = CameraDevices.os();
        FFmpegFrameGrabber g;
        boolean isIndex = device.matches("\\d+");
        if (os.contains("linux")) {
            String node = isIndex ? "/dev/video" + device : device;
            if (!Files.exists(Path.of(node))) {
                throw new SourceException("no camera at " + node + (CameraDevices.list().isEmpty()
                        ? " (no video devices found)" : " (see 'attend devices')"));
            }
            g = new FFmpegFrameGrabber(node);
            g.setFormat("video4linux2");
        } else if (CameraDevices.isWindows()) {
            // DirectShow opens cameras by name: map an index through FFmpeg's device list
            String name = device;
            if (isIndex) {
                List<CameraDevices.Camera> cams = CameraDevices.list();
                int i = Integer.parseInt(device);
                if (i >= cams.size()) {
                    throw new SourceException("no camera with index " + device + (cams.isEmpty()
                            ? " (no cameras found)" : " (see 'attend devices')"));
                }
                name = cams.get(i).input();
            }
            g = new FFmpegFrameGrabber("video=" + name);
            g.setFormat("dshow");
        } else if (os.contains("mac")) {
            g = new FFmpegFrameGrabber(device + ":none"); // AVFoundation takes an index or a name
            g.setFormat("avfoundation");
        } else {
            throw new SourceException("cameras are not supported on " + os);
        }
        g.setImageWidth(width);
        g.setImageHeight(height);
        g.setFrameRate(fps);
        FfmpegFrames.requestPipelineFormats(g);
        try {
            g.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            VideoFileSource.closeGrabber(g);
            // FFmpeg's wording goes to the log through the cause
            throw new SourceException("cannot open camera " + device
                    + " (busy, unplugged or not a camera; see 'attend devices')", e);
        }
        grabber = g;
    }

    @Override
    public MediaItem read() throws SourceException {
        while (!closed) {
            Frame f;
            try {
                f = grabber.grabImage();
            } catch (FrameGrabber.Exception e) {
                if (closed) {
                    return null;
                }
                throw new SourceException("camera " + device + " stopped: " + e.getMessage(), e);
            }
            if (f == null) {
                return null;
            }
            if (f.image != null) {
                return FfmpegFrames.toVideoFrame(f, seq++, clock.now());
            }
        }
        return null;
    }

    @Override
    public void wakeUp() {
        closed = true;
    }

    @Override
    public void close() {
        closed = true;
        FFmpegFrameGrabber g = grabber;
        grabber = null;
        if (g != null) {
            VideoFileSource.closeGrabber(g);
        }
    }
}
