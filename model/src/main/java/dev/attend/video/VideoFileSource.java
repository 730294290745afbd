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
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Frames and, when present, the audio track of a video file (mp4, mkv, avi, webm, … anything FFmpeg demuxes),
 * through JavaCV's FFmpeg grabber. Media time 0 is the container's start time (the earliest stream start; a few
 * milliseconds off zero in Matroska/WebM): video frames carry their presentation times from there, audio is
 * resampled by FFmpeg to 16 kHz mono and stamped from its sample count, starting at its first frame's time.
 */
public final class VideoFileSource implements MediaSource {

    private final Path path;
    private final boolean withAudio;
    private FFmpegFrameGrabber grabber;
    private final Deque<MediaItem> pending = new ArrayDeque<>();
    private AudioChunker chunker;     // made at the first audio frame, which fixes the audio start time
    private long originMicros;        // container start time: media time 0
    private long frameSeq;
    private boolean eof;
    private volatile boolean closed;
    private Map<String, Object> info = new LinkedHashMap<>();
    private double startAt;
    /** How far before the asked start a decoded frame may still be (under a frame at 25 fps). */
    private static final double SEEK_SLACK = 0.03;

    /**
     * @param withAudio also emit the audio track (set false when another audio source is used)
     */
    public VideoFileSource(Path path, boolean withAudio) {
        this.path = path;
        this.withAudio = withAudio;
    }

    /** Starts {@code seconds} into the file (a seek; FFmpeg finds the frame there). Call before open. */
    public VideoFileSource startAt(double seconds) {
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("start time must be 0 or more: " + seconds);
        }
        this.startAt = seconds;
        return this;
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
            // FFmpeg's own wording ("avformat_open_input() error -1094995529 ...") goes to the log via the cause
            throw new SourceException("not a readable video file (mp4, mkv, avi, webm, ... expected): " + path, e);
        }
        if (!g.hasVideo()) {
            closeGrabber(g);
            throw new SourceException("no video stream in " + path + "; for audio only, use --audio with a WAV file");
        }
        grabber = g;
        long start = g.getFormatContext().start_time();
        originMicros = start == avutil.AV_NOPTS_VALUE ? 0 : start;
        info = new LinkedHashMap<>();
        info.put("kind", "video-file");
        info.put("path", path.toString());
        info.put("width", g.getImageWidth());
        info.put("height", g.getImageHeight());
        info.put("fps", Math.round(g.getFrameRate() * 1000) / 1000.0);
        info.put("frames", g.getLengthInVideoFrames());
        info.put("hasAudio", g.hasAudio());
        info.put("audio", withAudio && g.hasAudio());
        if (g.getLengthInTime() > 0) {
            info.put("seconds", Math.round(g.getLengthInTime() / 1e3) / 1e3);
        }
        if (startAt > 0) {
            try {
                g.setTimestamp(Math.round(startAt * 1e6));
            } catch (FrameGrabber.Exception e) {
                close();
                throw new SourceException("cannot seek to " + startAt + " s in " + path + ": " + e.getMessage(), e);
            }
        }
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
                if (chunker != null) {
                    chunker.flush();
                    drainAudio();
                }
                break;
            }
            if (mediaSeconds(f.timestamp) < startAt - SEEK_SLACK) {
                continue; // FFmpeg's seek lands on a packet boundary at or before the asked time
            }
            if (f.image != null && f.imageWidth > 0) {
                pending.add(FfmpegFrames.toVideoFrame(f, frameSeq++, mediaSeconds(f.timestamp)));
            } else if (f.samples != null && withAudio) {
                if (chunker == null) {
                    chunker = new AudioChunker(AudioChunker.DEFAULT_CHUNK, mediaSeconds(f.timestamp));
                }
                chunker.add(FfmpegFrames.toMonoSamples(f));
                drainAudio();
            }
        }
        return pending.poll();
    }

    private double mediaSeconds(long micros) {
        return Math.max(0, micros - originMicros) / 1e6;
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
