package dev.attend.audio;

import dev.attend.media.AudioChunk;
import dev.attend.media.MediaItem;
import dev.attend.pipeline.MediaSource;
import dev.attend.pipeline.SessionClock;
import dev.attend.pipeline.SourceException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.TargetDataLine;

/**
 * Live capture through Java Sound. Asks the device for 16 kHz mono 16-bit; when it can't, captures at its native
 * format (48/44.1 kHz, mono or stereo) and converts with the band-limited {@link Resampler}. Chunks are stamped
 * from the sample count, anchored at the session clock when capture started.
 */
public final class MicrophoneSource implements MediaSource {

    private static final float[] FALLBACK_RATES = {16_000f, 48_000f, 44_100f, 32_000f, 22_050f, 96_000f, 8_000f};

    private final AudioDevices.InputDevice device; // null = system default
    private TargetDataLine line;
    private PcmDecoder decoder;
    private Resampler resampler;
    private AudioChunker chunker;
    private byte[] buffer;
    private volatile boolean closed;

    public MicrophoneSource(AudioDevices.InputDevice device) {
        this.device = device;
    }

    @Override
    public String name() {
        return "microphone";
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "microphone");
        m.put("device", device == null ? "default" : device.name());
        if (decoder != null) {
            AudioFormat f = decoder.format();
            m.put("sampleRate", (int) f.getSampleRate());
            m.put("channels", f.getChannels());
        }
        return m;
    }

    @Override
    public boolean live() {
        return true;
    }

    @Override
    public void open(SessionClock clock) throws SourceException {
        Mixer mixer = null;
        if (device != null) {
            mixer = AudioSystem.getMixer(device.info());
        } else if (AudioDevices.inputs().isEmpty()) {
            throw new SourceException(
                    "no microphone found: this machine has no audio input devices (check 'attend devices', or use --audio FILE)");
        }
        AudioFormat chosen = null;
        TargetDataLine l = null;
        String last = "no supported capture format";
        for (AudioFormat f : candidates()) {
            DataLine.Info info = new DataLine.Info(TargetDataLine.class, f);
            try {
                if (mixer != null ? !mixer.isLineSupported(info) : !AudioSystem.isLineSupported(info)) {
                    continue;
                }
                l = (TargetDataLine) (mixer != null ? mixer.getLine(info) : AudioSystem.getLine(info));
                l.open(f, (int) (f.getFrameRate() * f.getFrameSize() / 10)); // ~100 ms device buffer
                chosen = f;
                break;
            } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
                last = e.getMessage();
                l = null;
            }
        }
        if (l == null) {
            throw new SourceException("cannot open microphone " + (device == null ? "(default)" : "'" + device.name()
                    + "'") + ": " + last);
        }
        line = l;
        decoder = new PcmDecoder(chosen);
        resampler = new Resampler(Math.round(chosen.getSampleRate()), AudioChunk.SAMPLE_RATE);
        chunker = new AudioChunker(AudioChunker.DEFAULT_CHUNK, clock.now());
        buffer = new byte[decoder.frameSize() * Math.round(chosen.getSampleRate() / 50)]; // 20 ms reads
        line.start();
    }

    private static List<AudioFormat> candidates() {
        java.util.ArrayList<AudioFormat> list = new java.util.ArrayList<>();
        for (float rate : FALLBACK_RATES) {
            for (int ch = 1; ch <= 2; ch++) {
                list.add(new AudioFormat(rate, 16, ch, true, false));
            }
        }
        return list;
    }

    @Override
    public MediaItem read() throws SourceException {
        while (!closed) {
            AudioChunk c = chunker.poll();
            if (c != null) {
                return c;
            }
            int n = line.read(buffer, 0, buffer.length);
            if (n <= 0) {
                if (closed || !line.isOpen()) {
                    break;
                }
                continue;
            }
            chunker.add(resampler.process(decoder.toMono(buffer, n)));
        }
        return null;
    }

    /** Level of a chunk, for meters outside the pipeline. */
    public static double rmsDbfs(float[] samples) {
        double s = 0;
        for (float v : samples) {
            s += v * v;
        }
        return LevelMeterStage.dbfs(Math.sqrt(s / Math.max(1, samples.length)));
    }

    @Override
    public void wakeUp() {
        close(); // Java Sound lines may be stopped and closed from any thread; read() then returns
    }

    @Override
    public void close() {
        closed = true;
        TargetDataLine l = line;
        if (l != null) {
            l.stop();
            l.close();
        }
    }
}
