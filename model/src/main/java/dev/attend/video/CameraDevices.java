package dev.attend.video;

import java.io.IOException;
import org.bytedeco.ffmpeg.avdevice.AVDeviceInfo;
import org.bytedeco.ffmpeg.avdevice.AVDeviceInfoList;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.global.avdevice;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Cameras on this machine. Linux: V4L2 nodes {@code /dev/videoN} with their names from sysfs. Windows: FFmpeg's
 * DirectShow device list (DirectShow opens cameras by name, so an index is mapped through it). macOS: AVFoundation
 * has no device list in FFmpeg's API, but opens cameras by index directly.
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
        return os().contains("linux") || isWindows();
    }

    public static List<Camera> list() {
        if (os().contains("linux")) {
            return listLinux(Path.of("/dev"), Path.of("/sys/class/video4linux"));
        }
        return isWindows() ? listWithFfmpeg("dshow") : List.of();
    }

    static boolean isWindows() {
        return os().startsWith("windows");
    }

    /**
     * Video capture devices as an FFmpeg input device lists them (dshow, video4linux2), numbered in list order.
     * Empty when the device type is missing or lists nothing.
     */
    static List<Camera> listWithFfmpeg(String format) {
        List<Camera> out = new ArrayList<>();
        FfmpegFrames.configureLogging();
        avdevice.avdevice_register_all();
        AVInputFormat fmt = avformat.av_find_input_format(format);
        if (fmt == null) {
            return out;
        }
        PointerPointer<AVDeviceInfoList> list = new PointerPointer<>(1);
        try {
            if (avdevice.avdevice_list_input_sources(fmt, (BytePointer) null, null, list) < 0
                    || list.get(0) == null) {
                return out;
            }
            AVDeviceInfoList devices = new AVDeviceInfoList(list.get(0));
            for (int i = 0; i < devices.nb_devices(); i++) {
                AVDeviceInfo d = devices.devices(i);
                if (!offersVideo(d)) {
                    continue; // DirectShow lists microphones too
                }
                String name = string(d.device_name());
                String description = string(d.device_description());
                // DirectShow opens "video=<friendly name>", which is the description
                String label = description.isBlank() ? name : description;
                out.add(new Camera(out.size(), label, "dshow".equals(format) ? label : name));
            }
            return out;
        } finally {
            if (list.get(0) != null) {
                avdevice.avdevice_free_list_devices(list);
            }
            list.close();
        }
    }

    private static boolean offersVideo(AVDeviceInfo d) {
        if (d.nb_media_types() == 0) {
            return true; // older device code: assume a video input
        }
        for (int k = 0; k < d.nb_media_types(); k++) {
            if (d.media_types().get(k) == avutil.AVMEDIA_TYPE_VIDEO) {
                return true;
            }
        }
        return false;
    }

    private static String string(BytePointer p) {
        return p == null || p.isNull() ? "" : p.getString(java.nio.charset.StandardCharsets.UTF_8);
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
