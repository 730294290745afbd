package dev.attend.audio;

import dev.attend.media.AudioChunk;
import dev.attend.media.MediaItem;
import dev.attend.pipeline.MediaSource;
import dev.attend.pipeline.SessionClock;
import dev.attend.pipeline.SourceException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Audio from a file javax.sound reads (WAV, AIFF, AU; integer or float PCM of any rate, width and channel count;
 * µ-law/A-law converted), turned into 16 kHz mono chunks with the band-limited {@link Resampler}.
 */
public final class WavFileSource implements MediaSource {

    private static final int READ_FRAMES = 4096;

    private final Path path;
    private final int chunkSize;
    private AudioInputStream stream;
    private PcmDecoder decoder;
    private Resampler resampler;
    private AudioChunker chunker;
    private byte[] buffer;
    private float[] samples;
    private boolean eof;
    private volatile boolean closed;
    private AudioFormat sourceFormat;
    private long frameLength;
    private RiffWave wave;
    private static final String DAMAGED = "WAV file %s has a damaged header or a non-PCM encoding; re-export it as "
            + "PCM WAV";
    private int rate;
    private double startAt;

    public WavFileSource(Path path) {
        this(path, AudioChunker.DEFAULT_CHUNK);
    }

    public WavFileSource(Path path, int chunkSize) {
        this.path = path;
        this.chunkSize = chunkSize;
    }

    /** Starts reading {@code seconds} into the file (a seek); items are stamped from there. Call before open. */
    public WavFileSource startAt(double seconds) {
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("start time must be 0 or more: " + seconds);
        }
        this.startAt = seconds;
        return this;
    }

    @Override
    public String name() {
        return "audio-file";
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "audio-file");
        m.put("path", path.toString());
        if (sourceFormat != null) {
            m.put("sampleRate", (int) sourceFormat.getSampleRate());
            m.put("channels", sourceFormat.getChannels());
            m.put("bits", sourceFormat.getSampleSizeInBits());
            m.put("encoding", sourceFormat.getEncoding().toString());
            if (frameLength > 0) {
                m.put("seconds", Math.round(frameLength / (double) sourceFormat.getFrameRate() * 1e6) / 1e6);
            }
        }
        return m;
    }

    @Override
    public boolean live() {
        return false;
    }

    @Override
    public void open(SessionClock clock) throws SourceException {
        open();
    }

    /** Opens and validates the file; also usable without a pipeline. */
    public void open() throws SourceException {
        checkRegularFile(path, "audio file");
        if (!Files.isReadable(path)) {
            throw new SourceException("audio file not readable: " + path);
        }
        AudioInputStream in = RiffWave.isRiffWave(path) ? openWave() : openOther();
        AudioFormat f = in.getFormat();
        sourceFormat = f;
        frameLength = in.getFrameLength();
        if (!PcmDecoder.supports(f)) {
            AudioFormat pcm = new AudioFormat(f.getSampleRate(), 16, f.getChannels(), true, false);
            if (!AudioSystem.isConversionSupported(pcm, f)) {
                closeQuietly(in);
                throw new SourceException("unsupported audio encoding " + f.getEncoding() + " in " + path);
            }
            in = AudioSystem.getAudioInputStream(pcm, in);
            f = pcm;
        }
        if (f.getSampleRate() <= 0 || f.getSampleRate() == AudioSystem.NOT_SPECIFIED) {
            closeQuietly(in);
            throw new SourceException("audio file has no valid sample rate: " + path);
        }
        int rate = Math.round(f.getSampleRate());
        if (Math.abs(rate - f.getSampleRate()) > 1e-3) {
            closeQuietly(in);
            throw new SourceException("fractional sample rate " + f.getSampleRate() + " Hz is not supported: " + path);
        }
        stream = in;
        decoder = new PcmDecoder(f);
        this.rate = rate;
        resampler = new Resampler(rate, AudioChunk.SAMPLE_RATE);
        chunker = new AudioChunker(chunkSize, skipTo(in, f, rate));
        buffer = new byte[READ_FRAMES * decoder.frameSize()];
        samples = new float[READ_FRAMES];
    }

    /** Skips to {@link #startAt} (whole frames; past the end = at the end); returns the media time reached. */
    private double skipTo(AudioInputStream in, AudioFormat f, int rate) throws SourceException {
        if (startAt <= 0) {
            return 0;
        }
        long frames = Math.round(startAt * rate);
        if (frameLength > 0) {
            frames = Math.min(frames, frameLength);
        }
        long bytes = frames * f.getFrameSize();
        try {
            long skipped = 0;
            while (skipped < bytes) {
                long n = in.skip(bytes - skipped);
                if (n <= 0) {
                    break;
                }
                skipped += n;
            }
            return skipped / f.getFrameSize() / (double) rate;
        } catch (IOException e) {
            closeQuietly(in);
            throw new SourceException("error reading " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * A file the pipeline can read: a folder, a named pipe or a device gets its own message (a pipe would block
     * the reader forever).
     */
    public static void checkRegularFile(Path path, String what) throws SourceException {
        if (Files.isDirectory(path)) {
            throw new SourceException(what + " is a folder, not a file: " + path);
        }
        if (!Files.exists(path)) {
            throw new SourceException(what + " not found: " + path);
        }
        if (!Files.isRegularFile(path)) {
            throw new SourceException(what + " is not a regular file (a named pipe or a device?): " + path);
        }
    }

    /** WAV: Attend's own chunk walk (any chunks before fmt, the true data length), then plain PCM reading. */
    private AudioInputStream openWave() throws SourceException {
        try {
            wave = RiffWave.read(path);
        } catch (IOException e) {
            throw new SourceException(DAMAGED.formatted(path), e);
        }
        try {
            InputStream data = Files.newInputStream(path);
            data.skipNBytes(wave.dataOffset());
            return new AudioInputStream(new BufferedInputStream(data, 1 << 16), wave.format(), wave.frames());
        } catch (IOException e) {
            throw new SourceException("error reading " + path + ": " + e.getMessage(), e);
        }
    }

    private AudioInputStream openOther() throws SourceException {
        try {
            // the File form lets each reader re-open the file, so a damaged header cannot exhaust a stream mark
            return AudioSystem.getAudioInputStream(path.toFile());
        } catch (UnsupportedAudioFileException | IOException | RuntimeException e) {
            throw new SourceException("not a supported audio file (WAV/AIFF/AU with PCM expected): " + path, e);
        }
    }

    /** A WAV whose header claims more audio than the file holds: said once, when the file has been read. */
    @Override
    public List<String> warnings() {
        if (wave == null || !wave.truncated()) {
            return List.of();
        }
        return List.of(String.format(Locale.ROOT, "file ends early: %.3f s of %.3f s (%s)", wave.seconds(),
                wave.declaredSeconds(), path));
    }

    /** The file's own format, after {@link #open()}. */
    public AudioFormat sourceFormat() {
        return sourceFormat;
    }

    @Override
    public MediaItem read() throws SourceException {
        return readChunk();
    }

    /** Next 16 kHz chunk, or null at the end. */
    public AudioChunk readChunk() throws SourceException {
        if (stream == null) {
            throw new IllegalStateException("not opened");
        }
        while (true) {
            AudioChunk c = chunker.poll();
            if (c != null) {
                return c;
            }
            if (eof || closed) {
                return null;
            }
            int n;
            try {
                n = readFully(buffer);
            } catch (IOException e) {
                throw new SourceException("error reading " + path + ": " + e.getMessage(), e);
            }
            if (n <= 0) {
                eof = true;
                chunker.add(resampler.flush());
                chunker.flush();
            } else {
                int count = decoder.toMono(buffer, n, samples);
                if (rate == AudioChunk.SAMPLE_RATE) {
                    chunker.add(samples, 0, count); // already 16 kHz: no resampler copy
                } else {
                    chunker.add(resampler.process(samples, 0, count));
                }
            }
        }
    }

    private int readFully(byte[] b) throws IOException {
        int total = 0;
        while (total < b.length) {
            int n = stream.read(b, total, b.length - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total - total % decoder.frameSize();
    }

    @Override
    public void close() {
        closed = true;
        if (stream != null) {
            closeQuietly(stream);
        }
    }

    private static void closeQuietly(AudioInputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing to lose: read-only
        }
    }
}
