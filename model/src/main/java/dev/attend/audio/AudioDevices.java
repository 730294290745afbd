package dev.attend.audio;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Line;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.TargetDataLine;

/** Audio capture devices as Java Sound sees them. */
public final class AudioDevices {

    /** A capture device: a Java Sound mixer that offers a TargetDataLine. */
    public record InputDevice(String name, String description, String vendor, Mixer.Info info) {
        @Override
        public String toString() {
            return name + (description.isBlank() ? "" : " (" + description + ")");
        }
    }

    private AudioDevices() {
    }

    /** Every mixer that can capture; empty when the machine has no audio input (or no sound system). */
    public static List<InputDevice> inputs() {
        List<InputDevice> out = new ArrayList<>();
        Mixer.Info[] infos;
        try {
            infos = AudioSystem.getMixerInfo();
        } catch (RuntimeException | LinkageError e) {
            return out; // no sound system at all
        }
        for (Mixer.Info info : infos) {
            try {
                Mixer m = AudioSystem.getMixer(info);
                for (Line.Info li : m.getTargetLineInfo()) {
                    if (TargetDataLine.class.isAssignableFrom(li.getLineClass())) {
                        out.add(new InputDevice(info.getName(), info.getDescription(), info.getVendor(), info));
                        break;
                    }
                }
            } catch (RuntimeException e) {
                // a broken driver must not hide the others
            }
        }
        return out;
    }

    /**
     * The device whose name equals {@code name}, or else the only one containing it (case-insensitive).
     *
     * @throws IllegalArgumentException naming the devices that exist, when none or several match
     */
    public static InputDevice find(List<InputDevice> devices, String name) {
        for (InputDevice d : devices) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        String needle = name.toLowerCase(Locale.ROOT);
        List<InputDevice> hits = devices.stream()
                .filter(d -> d.name().toLowerCase(Locale.ROOT).contains(needle)).toList();
        if (hits.size() == 1) {
            return hits.get(0);
        }
        if (devices.isEmpty()) {
            throw new IllegalArgumentException("no such microphone '" + name + "': no audio input devices found");
        }
        String known = String.join(", ", devices.stream().map(d -> "'" + d.name() + "'").toList());
        throw new IllegalArgumentException(hits.isEmpty()
                ? "no such microphone '" + name + "'; available: " + known
                : "microphone name '" + name + "' is ambiguous; available: " + known);
    }
}
