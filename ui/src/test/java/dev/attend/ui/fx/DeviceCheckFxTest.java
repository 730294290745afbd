package dev.attend.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.attend.media.AudioChunk;
import dev.attend.media.MediaItem;
import dev.attend.media.VideoFrame;
import dev.attend.pipeline.MediaSource;
import dev.attend.pipeline.SessionClock;
import dev.attend.pipeline.SourceException;
import dev.attend.ui.bridge.FxUiTasks;
import dev.attend.ui.devicecheck.MicCheck;
import dev.attend.ui.i18n.I18n;
import dev.attend.ui.settings.Settings;
import dev.attend.ui.settings.SettingsDialog;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ProgressBar;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Line;
import javax.sound.sampled.SourceDataLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Settings' microphone meter, test recording and camera preview on the real dialog. */
@ExtendWith({XvfbExtension.class, ApplicationExtension.class})
class DeviceCheckFxTest {

    private SettingsDialog dialog;

    @AfterEach
    void close() throws Exception {
        if (dialog != null) {
            new FxRobot().interact(() -> dialog.close());
        }
        FxToolkit.cleanupStages();
    }

    /** A live source that plays a 440 Hz sine of amplitude 0.5 in 80 ms chunks, at the pace of a device. */
    static final class SineMic implements MediaSource {
        private long seq;
        private volatile boolean closed;

        @Override
        public String name() {
            return "sine-mic";
        }

        @Override
        public Map<String, Object> describe() {
            return Map.of("kind", "sine");
        }

        @Override
        public boolean live() {
            return true;
        }

        @Override
        public void open(SessionClock clock) {
        }

        @Override
        public MediaItem read() throws InterruptedException {
            if (closed) {
                return null;
            }
            Thread.sleep(80);
            float[] s = new float[1280];
            for (int i = 0; i < s.length; i++) {
                long n = seq * 1280 + i;
                s[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * n / 16000.0));
            }
            return new AudioChunk(seq, seq++ * 0.08, s, System.nanoTime());
        }

        @Override
        public void wakeUp() {
            closed = true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** A camera that shows one colour. */
    static Supplier<MediaSource> colourCamera() {
        return () -> new MediaSource() {
            private long seq;
            private volatile boolean closed;

            @Override
            public String name() {
                return "colour-camera";
            }

            @Override
            public Map<String, Object> describe() {
                return Map.of();
            }

            @Override
            public boolean live() {
                return true;
            }

            @Override
            public void open(SessionClock clock) {
            }

            @Override
            public MediaItem read() throws InterruptedException {
                Thread.sleep(40);
                if (closed) {
                    return null;
                }
                byte[] rgb = new byte[64 * 48 * 3];
                for (int i = 0; i < rgb.length; i += 3) {
                    rgb[i] = 0x33;
                    rgb[i + 1] = 0x66;
                    rgb[i + 2] = (byte) 0xCC;
                }
                return new VideoFrame(seq, seq++ / 25.0, 64, 48, rgb, System.nanoTime());
            }

            @Override
            public void wakeUp() {
                closed = true;
            }

            @Override
            public void close() {
                closed = true;
            }
        };
    }

    private SettingsDialog show(FxRobot robot, SettingsDialog.DeviceSources sources) {
        robot.interact(() -> {
            dialog = new SettingsDialog(null, Settings.defaults(), List.of(), new I18n(Locale.ENGLISH),
                    new FxUiTasks(), sources);
            dialog.show();
        });
        return dialog;
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Labeled.class).getText();
    }

    @Test
    void theMeterReadsASineAndTheTestRecordingHoldsThreeSecondsOfIt(FxRobot robot) throws Exception {
        SettingsDialog d = show(robot, new SettingsDialog.DeviceSources(name -> SineMic::new,
                name -> colourCamera()));
        MicCheck mic = d.micCheck();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> mic.stateProperty().get() == MicCheck.State.LISTENING);
        WaitForAsyncUtils.waitForFxEvents();
        // a sine of amplitude 0.5: RMS 0.5/√2 = −9.03 dBFS, peak −6.02 dBFS
        assertThat(mic.levelDbProperty().get()).isCloseTo(-9.03, within(0.1));
        assertThat(mic.peakDbProperty().get()).isCloseTo(-6.02, within(0.1));
        assertThat(text(robot, "#micLevel")).isEqualTo("-9 dBFS");
        assertThat(robot.lookup("#micMeter").queryAs(ProgressBar.class).getProgress())
                .isCloseTo((60 - 9.03) / 60, within(0.01));

        robot.clickOn("#micRecord");
        assertThat(text(robot, "#micStatus")).isEqualTo("Recording 3 s…");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> mic.stateProperty().get() == MicCheck.State.RECORDED);
        WaitForAsyncUtils.waitForFxEvents();
        float[] r = mic.recordingProperty().get();
        assertThat(r).hasSize(48_000);
        assertThat(MicCheck.rmsDb(r)).isCloseTo(-9.03, within(0.05));
        assertThat(text(robot, "#micStatus")).isEqualTo("Test recording: level -9 dBFS, peak -6 dBFS.");
        assertThat(robot.lookup("#micWave").query().isVisible()).isTrue();

        boolean hasOutput = AudioSystem.getSourceLineInfo(new Line.Info(SourceDataLine.class)).length > 0;
        robot.clickOn("#micPlay");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> mic.playbackProperty().get().equals("played")
                || mic.playbackProperty().get().equals("no-output"));
        WaitForAsyncUtils.waitForFxEvents();
        if (!hasOutput) {
            assertThat(text(robot, "#micStatus")).endsWith("No audio output to play it on; the waveform shows what "
                    + "was recorded.");
        }

        // the preview shows the camera's colour
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> d.cameraCheck().image() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(d.cameraCheck().image().getPixelReader().getArgb(10, 10)).isEqualTo(0xFF3366CC);
        assertThat(text(robot, "#cameraStatus")).isEqualTo("Camera preview (64 × 48)");
    }

    @Test
    void aDeviceThatFailsToOpenShowsTheReason(FxRobot robot) throws Exception {
        SettingsDialog d = show(robot, new SettingsDialog.DeviceSources(name -> () -> {
            throw new IllegalStateException("cannot open microphone 'USB': device busy");
        }, name -> () -> {
            throw new IllegalStateException("cannot open camera 2 (busy)");
        }));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> d.micCheck().stateProperty().get() == MicCheck.State.NO_MICROPHONE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#cameraStatus").startsWith("No camera"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#micStatus")).isEqualTo("No microphone: cannot open microphone 'USB': device busy");
        assertThat(text(robot, "#cameraStatus")).isEqualTo("No camera: cannot open camera 2 (busy)");
        assertThat(robot.lookup("#micRecord").queryAs(Button.class).isDisabled()).isTrue();
    }

    @Test
    void whileALiveSessionCapturesTheChecksSayTheDevicesAreInUse(FxRobot robot) throws Exception {
        SettingsDialog d = show(robot, SettingsDialog.DeviceSources.inUseBySession());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> d.micCheck().stateProperty().get() == MicCheck.State.NO_MICROPHONE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#cameraStatus").startsWith("The running"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#micStatus"))
                .isEqualTo("The running session is using the microphone; stop it to test the microphone here.");
        assertThat(text(robot, "#cameraStatus"))
                .isEqualTo("The running session is using the camera; stop it to see the preview here.");
    }

    @Test
    void withoutDevicesTheChecksSaySoAndRecordIsOff(FxRobot robot) throws Exception {
        // this machine's own devices; when it has none, the real sources fail to open
        boolean mics = !dev.attend.audio.AudioDevices.inputs().isEmpty();
        boolean cams = !dev.attend.video.CameraDevices.list().isEmpty();
        org.junit.jupiter.api.Assumptions.assumeTrue(!mics || !cams, "this machine has a microphone and a camera");
        SettingsDialog d = show(robot, SettingsDialog.DeviceSources.system());
        if (!mics) {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> d.micCheck().stateProperty().get() == MicCheck.State.NO_MICROPHONE);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(text(robot, "#micStatus"))
                    .isEqualTo("No microphone found on this computer. Connect one, or play a media file instead.");
            assertThat(robot.lookup("#micRecord").queryAs(Button.class).isDisabled()).isTrue();
            assertThat(text(robot, "#micLevel")).isEqualTo("–");
        }
        if (!cams) {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#cameraStatus").startsWith("No camera"));
            assertThat(text(robot, "#cameraStatus")).isEqualTo("No camera found on this computer.");
            assertThat(robot.lookup("#cameraPreview").query().isVisible()).isFalse();
        }
    }
}
