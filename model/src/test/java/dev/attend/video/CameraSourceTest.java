package dev.attend.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.attend.pipeline.SessionClock;
import dev.attend.pipeline.SourceException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CameraSourceTest {

    @Test
    void aCameraIndexThatDoesNotExistFailsClearly() {
        assumeTrue(CameraDevices.canEnumerate(), "Linux only: other OSes report through FFmpeg");
        assumeFalse(Files.exists(Path.of("/dev/video99")));
        CameraSource cam = new CameraSource("99", 640, 480, 30);
        try {
            assertThatThrownBy(() -> cam.open(SessionClock.startingNow()))
                    .isInstanceOf(SourceException.class)
                    .hasMessageStartingWith("no camera at /dev/video99 (")
                    .hasMessageNotContaining("\n");
        } finally {
            cam.close();
        }
        cam.close(); // closing twice is harmless
    }

    @Test
    void aPathThatIsNotACameraFailsClearly(@TempDir Path dir) throws Exception {
        assumeTrue(CameraDevices.canEnumerate(), "Linux only");
        Path notCam = Files.writeString(dir.resolve("video0"), "not a device");
        CameraSource cam = new CameraSource(notCam.toString(), 640, 480, 30);
        try {
            assertThatThrownBy(() -> cam.open(SessionClock.startingNow()))
                    .isInstanceOf(SourceException.class)
                    .hasMessage("cannot open camera " + notCam
                            + " (busy, unplugged or not a camera; see 'attend devices')")
                    .hasMessageNotContaining("\n");
        } finally {
            cam.close();
        }
    }

    @Test
    void ffmpegDeviceListsAreReadWithoutCrashing() {
        // the DirectShow path (Windows) shares this code; here V4L2 answers, with no cameras on a build machine
        assumeTrue(CameraDevices.canEnumerate(), "Linux or Windows");
        assumeFalse(Files.exists(Path.of("/dev/video0")), "this machine has a camera");
        assertThat(CameraDevices.listWithFfmpeg("video4linux2")).isEmpty();
        assertThat(CameraDevices.listWithFfmpeg("no-such-device-type")).isEmpty();
    }

    @Test
    void linuxCamerasAreListedFromDevAndSysfs(@TempDir Path root) throws Exception {
        Path dev = Files.createDirectories(root.resolve("dev"));
        Path sys = Files.createDirectories(root.resolve("sys"));
        Files.createFile(dev.resolve("video2"));
        Files.createFile(dev.resolve("video0"));
        Files.createFile(dev.resolve("video10"));
        Files.createFile(dev.resolve("vcsa1"));
        Files.createDirectories(sys.resolve("video0"));
        Files.writeString(sys.resolve("video0").resolve("name"), "Integrated Camera: Integrated C\n");
        assertThat(CameraDevices.listLinux(dev, sys)).containsExactly(
                new CameraDevices.Camera(0, "Integrated Camera: Integrated C", dev.resolve("video0").toString()),
                new CameraDevices.Camera(2, dev.resolve("video2").toString(), dev.resolve("video2").toString()),
                new CameraDevices.Camera(10, dev.resolve("video10").toString(), dev.resolve("video10").toString()));
        assertThat(CameraDevices.listLinux(root.resolve("none"), sys)).isEmpty();
    }
}
