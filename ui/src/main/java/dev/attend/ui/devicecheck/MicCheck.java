package dev.attend.ui.devicecheck;

import dev.attend.audio.LevelMeterStage;
import dev.attend.audio.MicrophoneSource;
import dev.attend.concurrent.AttendThreads;
import dev.attend.media.AudioChunk;
import dev.attend.media.MediaItem;
import dev.attend.pipeline.MediaSource;
import dev.attend.ui.bridge.UiTasks;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * The microphone check behind Settings: the level of what the microphone hears now (RMS and peak in dBFS, per
 * 80 ms chunk) and a test recording of {@link #RECORD_SECONDS} s that can be played back or looked at (waveform,
 * RMS, peak). Without a microphone the state says so. UI properties change on the UI thread only.
 */
public final class MicCheck {

    /** What the check is doing. */
    public enum State { OPENING, NO_MICROPHONE, LISTENING, RECORDING, RECORDED }

    public static final double RECORD_SECONDS = 3.0;
    private static final int RECORD_SAMPLES = (int) (RECORD_SECONDS * AudioChunk.SAMPLE_RATE);

    private final UiTasks ui;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.OPENING);
    private final ReadOnlyDoubleWrapper levelDb = new ReadOnlyDoubleWrapper(LevelMeterStage.FLOOR_DB);
    private final ReadOnlyDoubleWrapper peakDb = new ReadOnlyDoubleWrapper(LevelMeterStage.FLOOR_DB);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<float[]> recording = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper playback = new ReadOnlyStringWrapper("");
    private SourceProbe probe;
    // written on the probe's thread only
    private float[] taking;
    private int taken;
    private volatile boolean recordAsked;

    public MicCheck(UiTasks ui) {
        this.ui = ui;
    }

    /** The microphone of Settings ("" = the system default). */
    public static Supplier<MediaSource> microphone(String name) {
        return () -> {
            var inputs = dev.attend.audio.AudioDevices.inputs();
            if (inputs.isEmpty()) {
                throw new NoDeviceException(NoDeviceException.Why.NONE_ON_THIS_MACHINE);
            }
            return new MicrophoneSource(name == null || name.isBlank() ? null
                    : dev.attend.audio.AudioDevices.find(inputs, name));
        };
    }

    /** A source for a device the running session holds: the check says so instead of opening it again. */
    public static Supplier<MediaSource> inUse() {
        return NoDeviceException.unavailable(NoDeviceException.Why.IN_USE_BY_SESSION);
    }

    /** Starts listening to {@code source}; any check running before is stopped. */
    public void start(Supplier<MediaSource> source) {
        stop();
        state.set(State.OPENING);
        problem.set("");
        probe = new SourceProbe("settings-mic", source, this::onItem, msg -> ui.onUi(() -> {
            state.set(State.NO_MICROPHONE);
            problem.set(msg);
        }));
    }

    private void onItem(MediaItem m) {
        if (!(m instanceof AudioChunk c)) {
            return;
        }
        float[] s = c.samples();
        int n = c.length();
        double sum = 0;
        double peak = 0;
        for (int i = 0; i < n; i++) {
            sum += s[i] * s[i];
            peak = Math.max(peak, Math.abs(s[i]));
        }
        double rms = LevelMeterStage.dbfs(Math.sqrt(sum / Math.max(1, n)));
        double pk = LevelMeterStage.dbfs(peak);
        float[] done = null;
        if (recordAsked && taking == null) {
            taking = new float[RECORD_SAMPLES];
            taken = 0;
        }
        if (taking != null) {
            int k = Math.min(n, RECORD_SAMPLES - taken);
            System.arraycopy(s, 0, taking, taken, k);
            taken += k;
            if (taken == RECORD_SAMPLES) {
                done = taking;
                taking = null;
                recordAsked = false;
            }
        }
        float[] finished = done;
        ui.onUi(() -> {
            levelDb.set(rms);
            peakDb.set(pk);
            if (state.get() == State.OPENING) {
                state.set(State.LISTENING);
            }
            if (finished != null) {
                recording.set(finished);
                state.set(State.RECORDED);
            }
        });
    }

    /** Records the next {@link #RECORD_SECONDS} s; nothing without a microphone. */
    public void record() {
        State st = state.get();
        if (st == State.LISTENING || st == State.RECORDED) {
            recordAsked = true;
            state.set(State.RECORDING);
            playback.set("");
        }
    }

    /** Plays the test recording on the default output; without one, says so (the waveform still shows it). */
    public void play() {
        float[] r = recording.get();
        if (r == null) {
            return;
        }
        playback.set("playing");
        AttendThreads.start("settings-play", () -> {
            String result = playOut(r);
            ui.onUi(() -> playback.set(result));
        });
    }

    /** "" when played; "no-output" when this machine has no audio output. */
    static String playOut(float[] samples) {
        AudioFormat f = new AudioFormat(AudioChunk.SAMPLE_RATE, 16, 1, true, false);
        ByteBuffer b = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : samples) {
            b.putShort((short) Math.round(Math.max(-1, Math.min(1, v)) * 32767));
        }
        try (SourceDataLine line = AudioSystem.getSourceDataLine(f)) {
            line.open(f);
            line.start();
            line.write(b.array(), 0, b.capacity());
            line.drain();
            return "played";
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            return "no-output";
        }
    }

    /** RMS level of the recording in dBFS (floor when none). */
    public static double rmsDb(float[] r) {
        return r == null ? LevelMeterStage.FLOOR_DB : MicrophoneSource.rmsDbfs(r);
    }

    /** Stops listening and releases the microphone. */
    public void stop() {
        SourceProbe p = probe;
        probe = null;
        if (p != null) {
            p.stop();
        }
    }

    /** For tests: stops and waits until the device is closed. */
    boolean stopAndWait(long millis) throws InterruptedException {
        SourceProbe p = probe;
        stop();
        return p == null || p.awaitStopped(millis);
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** RMS of the newest chunk, dBFS. */
    public ReadOnlyDoubleProperty levelDbProperty() {
        return levelDb.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty peakDbProperty() {
        return peakDb.getReadOnlyProperty();
    }

    /**
     * Why there is no microphone: the device layer's message, or "noneFound" (this machine has none) or "inUse"
     * (the running session holds it).
     */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The last test recording (16 kHz mono), null before the first. */
    public ReadOnlyObjectProperty<float[]> recordingProperty() {
        return recording.getReadOnlyProperty();
    }

    /** "" idle, "playing", "played", or "no-output". */
    public ReadOnlyStringProperty playbackProperty() {
        return playback.getReadOnlyProperty();
    }
}
