package dev.attend.video;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Cameras on this machine. Linux: V4L2 nodes {@code /dev/videoN} with their names from sysfs. Windows (DirectShow)
 * and macOS (AVFoundation) offer no listing through FFmpeg's API, so there a camera is chosen by index or name.
 */
public final class CameraDevices {

    /** A camera: index as the OS numbers it, a display name, and the FFmpeg input it maps to. */
    public record Camera(int index, String name, String input) {
    }

    private static final Pattern VIDEO_NODE = Pattern.compile("video(\\d+)");

    private CameraDevices() {
    }

    /** Whether this OS can list cameras at all. */
    public static boolean canEnumerate() {
        return os().contains("linux");
    }

    public static List<Camera> list() {
        return canEnumerate() ? listLinux(Path.of("/dev"), Path.of("/sys/class/video4linux")) : List.of();
    }

    static List<Camera> listLinux(Path dev, Path sys) {
        List<Camera> out = new ArrayList<>();
        if (!Files.isDirectory(dev)) {
            return out;
        }
        try (Stream<Path> s = Files.list(dev)) {
            s.forEach(p -> {
                Matcher m = VIDEO_NODE.matcher(p.getFileName().toString());
                if (m.matches()) {
                    int idx = Integer.parseInt(m.group(1));
                    String name = readName(sys.resolve(p.getFileName()).resolve("name"));
                    out.add(new Camera(idx, name == null ? p.toString() : name, p.toString()));
                }
            });
        } catch (IOException e) {
            return out;
        }
        out.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return out;
    }

    private static String readName(Path p) {
        try {
            return Files.readString(p).trim();
        } catch (IOException e) {
            return null;
        }
    }

    static String os() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    }
}
