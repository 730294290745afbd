package dev.attend.assistant.speech;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A speech engine's rendered audio played through Java Sound: the length is known before playing, and playing
 * ends when the line has drained, so the app knows exactly when it speaks. No output line (no device, as on a
 * headless server) → not played, logged once, no failure.
 */
public final class RenderingSynthesizer implements SpeechSynthesizer {

    private static final Logger LOG = LoggerFactory.getLogger(RenderingSynthesizer.class);

    private final Renderer renderer;
    private volatile SourceDataLine playing;
    private volatile boolean stopRequested;
    private boolean warnedNoDevice;

    RenderingSynthesizer(Renderer renderer) {
        this.renderer = renderer;
    }

    /** espeak-ng (the {@code espeak-ng} command on the PATH). */
    public static RenderingSynthesizer espeak() {
        return new RenderingSynthesizer(new EspeakRenderer("espeak-ng"));
    }

    /** The engine of this OS: SAPI on Windows, {@code say} on macOS, espeak-ng elsewhere. */
    public static RenderingSynthesizer forThisOs() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return new RenderingSynthesizer(new SapiRenderer());
        }
        if (os.contains("mac")) {
            return new RenderingSynthesizer(new SayRenderer());
        }
        return espeak();
    }

    @Override
    public String name() {
        return renderer.name();
    }

    @Override
    public boolean readsPinyin() {
        return renderer instanceof EspeakRenderer;
    }

    /** The reply as audio file bytes, without playing it (tests and benchmarks feed it back as input). */
    public byte[] render(String text, String language, SpeechSettings settings) {
        return renderer.render(text, language, settings);
    }

    @Override
    public Spoken speak(String text, String language, SpeechSettings settings, Listener listener) {
        stopRequested = false;
        byte[] audio = renderer.render(text, language, settings);
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new BufferedInputStream(
                new ByteArrayInputStream(audio)))) {
            AudioFormat f = in.getFormat();
            double seconds = in.getFrameLength() > 0 ? in.getFrameLength() / (double) f.getFrameRate()
                    : (audio.length - 44) / (double) (f.getFrameRate() * f.getFrameSize());
            SourceDataLine line;
            try {
                line = AudioSystem.getSourceDataLine(f);
                line.open(f);
            } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
                if (!warnedNoDevice) {
                    LOG.info("no audio output device ({}); replies are shown and logged only", e.getMessage());
                    warnedNoDevice = true;
                }
                listener.started(seconds);
                return new Spoken(false, seconds, "no audio output device");
            }
            try {
                playing = line;
                listener.started(seconds);
                line.start();
                byte[] buf = new byte[4096];
                int n;
                while (!stopRequested && (n = in.read(buf)) > 0) {
                    line.write(buf, 0, n);
                }
                if (!stopRequested) {
                    line.drain();
                }
            } finally {
                playing = null;
                line.stop();
                line.close();
            }
            return new Spoken(!stopRequested, seconds, stopRequested ? "stopped" : null);
        } catch (UnsupportedAudioFileException | IOException e) {
            throw new SpeechException(renderer.name() + " produced audio Java Sound cannot read: " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        stopRequested = true;
        SourceDataLine l = playing;
        if (l != null) {
            l.stop();
            l.flush();
        }
    }
}
