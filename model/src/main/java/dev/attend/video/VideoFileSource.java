package dev.attend.video;

import dev.attend.audio.AudioChunker;
import dev.attend.media.AudioChunk;
import dev.attend.media.MediaItem;
import dev.attend.pipeline.MediaSource;
import dev.attend.pipeline.SessionClock;
import dev.attend.pipeline.SourceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Frames and, when present, the audio track of a video file (mp4, mkv, avi, webm, … anything FFmpeg demuxes),
 * through JavaCV's FFmpeg grabber. Video frames carry the container's presentation times; audio is resampled by
 * FFmpeg to 16 kHz mono and stamped from its sample count.
 */
public final class VideoFileSource implements MediaSource {

    private final Path path;
    private final boolean withAudio;
    private FFmpegFrameGrabber grabber;
    private final Deque<MediaItem> pending = new ArrayDeque<>();
    private AudioChunker chunker;
    private long frameSeq;
    private boolean eof;
    private volatile boolean closed;
    private Map<String, Object> info = new LinkedHashMap<>();

    /**
     * @param withAudio also emit the audio track (set false when another audio source is used)
     */
    public VideoFileSource(Path path, boolean withAudio) {
        this.path = path;
        this.withAudio = withAudio;
    }

    @Override
    public String name() {
        return "video-file";
    }

    @Override
    public Map<String, Object> describe() {
        return info;
    }

    @Override
    public boolean live() {
        return false;
    }

    @Override
    public void open(SessionClock clock) throws SourceException {
        open();
    }

    public void open() throws SourceException {
        if (!Files.isRegularFile(path)) {
            throw new SourceException("video file not found: " + path);
        }
        if (!Files.isReadable(path)) {
            throw new SourceException("video file not readable: " + path);
        }
        FfmpegFrames.configureLogging();
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(path.toFile());
        FfmpegFrames.requestPipelineFormats(g);
        try {
            g.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            closeGrabber(g);
            throw new SourceException("not a readable video file: " + path + " (" + e.getMessage() + ")", e);
        }
        if (!g.hasVideo()) {
            closeGrabber(g);
            throw new SourceException("no video stream in " + path + " (use --audio for audio-only files)");
        }
        grabber = g;
        chunker = new AudioChunker(AudioChunker.DEFAULT_CHUNK, 0);
        info = new LinkedHashMap<>();
        info.put("kind", "video-file");
        info.put("path", path.toString());
        info.put("width", g.getImageWidth());
        info.put("height", g.getImageHeight());
        info.put("fps", Math.round(g.getFrameRate() * 1000) / 1000.0);
        info.put("frames", g.getLengthInVideoFrames());
        info.put("hasAudio", g.hasAudio());
        info.put("audio", withAudio && g.hasAudio());
    }

    public boolean hasAudio() {
        return grabber != null && grabber.hasAudio();
    }

    @Override
    public MediaItem read() throws SourceException {
        while (pending.isEmpty()) {
            if (eof || closed) {
                return null;
            }
            Frame f;
            try {
                f = grabber.grabFrame(withAudio, true, true, false);
            } catch (FrameGrabber.Exception e) {
                throw new SourceException("error decoding " + path + ": " + e.getMessage(), e);
            }
            if (f == null) {
                eof = true;
                if (withAudio) {
                    chunker.flush();
                    drainAudio();
                }
                break;
            }
            if (f.image != null && f.imageWidth > 0) {
                pending.add(FfmpegFrames.toVideoFrame(f, frameSeq++, Math.max(0, f.timestamp) / 1e6));
            } else if (f.samples != null && withAudio) {
                chunker.add(FfmpegFrames.toMonoSamples(f));
                drainAudio();
            }
        }
        return pending.poll();
    }

    private void drainAudio() {
        AudioChunk c;
        while ((c = chunker.poll()) != null) {
            pending.add(c);
        }
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
            closeGrabber(g);
        }
    }

    static void closeGrabber(FFmpegFrameGrabber g) {
        try {
            g.close();
        } catch (FrameGrabber.Exception | RuntimeException ignored) {
            // closing a failed grabber: nothing more to release
        }
    }
}
