package dev.attend.fusion.data;

import dev.attend.audio.Resampler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Speech from espeak-ng with exact word boundaries: one process per utterance speaks the words with long SSML
 * breaks between them, the result (22 050 Hz) is resampled to 16 kHz and cut at the breaks into one segment per
 * word, each trimmed to its sound. When the cut does not give exactly one segment per word (a word with a long
 * internal pause), each word is spoken on its own instead.
 */
public final class Espeak {

    /** A voice with its settings. */
    public record Voice(String name, int speed, int pitch) {
    }

    private static final int BREAK_MS = 350;
    private static final int MIN_GAP = 16000 * 180 / 1000;
    private static final float SILENCE = 0.004f;
    private final String executable;

    public Espeak(String executable) {
        this.executable = executable;
    }

    /** True when the executable runs. */
    public boolean available() {
        try {
            Process p = new ProcessBuilder(executable, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** 16-kHz samples of each word, trimmed to its sound, in order. */
    public List<float[]> words(Voice v, List<String> words) throws IOException {
        StringBuilder ssml = new StringBuilder("<speak>");
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                ssml.append(" <break time=\"").append(BREAK_MS).append("ms\"/> ");
            }
            ssml.append(words.get(i));
        }
        ssml.append("</speak>");
        List<float[]> segments = split(speak(v, ssml.toString(), true));
        if (segments.size() == words.size()) {
            return segments;
        }
        List<float[]> out = new ArrayList<>();
        for (String w : words) {
            float[] s = trim(speak(v, w, false));
            if (s.length == 0) {
                throw new IOException("espeak-ng produced no sound for the word '" + w + "' with voice " + v.name());
            }
            out.add(s);
        }
        return out;
    }

    /**
     * A continuous sentence, as commands are really spoken: the whole sentence in one go, trimmed to its sound,
     * with word boundaries from the lengths of its prefixes (each prefix spoken on its own, trimmed the same way;
     * a word ends where its prefix ends and the next word starts there). A prefix is spoken with sentence-final
     * lengthening, so the boundaries are approximate (tens of ms late), the sound is exact.
     *
     * @return the sentence and, for word i, [start, end) in samples at {@code [0][i]}, {@code [1][i]}
     */
    public Sentence sentence(Voice v, List<String> words) throws IOException {
        float[] whole = trim(speak(v, String.join(" ", words), false));
        if (whole.length == 0) {
            throw new IOException("espeak-ng produced no sound for '" + String.join(" ", words) + "' with voice " + v.name());
        }
        int n = words.size();
        int[] starts = new int[n];
        int[] ends = new int[n];
        int prev = 0;
        for (int k = 1; k <= n; k++) {
            int end = k == n ? whole.length
                    : Math.min(trim(speak(v, String.join(" ", words.subList(0, k)), false)).length, whole.length);
            // at least 40 ms per word, and leave 40 ms for each word still to come
            end = Math.max(prev + 640, Math.min(end, whole.length - 640 * (n - k)));
            starts[k - 1] = prev;
            ends[k - 1] = Math.min(end, whole.length);
            prev = ends[k - 1];
        }
        return new Sentence(whole, starts, ends);
    }

    /** A continuous sentence with its word spans in samples. */
    public record Sentence(float[] samples, int[] starts, int[] ends) {
    }

    private float[] speak(Voice v, String text, boolean ssml) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(executable, "-v", v.name(), "-s", Integer.toString(v.speed()),
                "-p", Integer.toString(v.pitch()), "--stdout"));
        if (ssml) {
            cmd.add("-m");
        }
        cmd.add(text);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] wav;
        try (InputStream in = p.getInputStream()) {
            wav = in.readAllBytes();
        }
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("espeak-ng failed for voice " + v.name() + " (text: " + text + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running espeak-ng", e);
        }
        return to16k(wav);
    }

    /** Parses espeak-ng's 16-bit mono WAV (its data size field is unset on stdout) and resamples to 16 kHz. */
    static float[] to16k(byte[] wav) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        if (wav.length < 44 || b.getInt(0) != 0x46464952) {
            throw new IOException("espeak-ng did not write a WAV file");
        }
        int rate = b.getInt(24);
        int pos = 12;
        int dataStart = -1;
        while (pos + 8 <= wav.length) {
            int id = b.getInt(pos);
            int size = b.getInt(pos + 4);
            if (id == 0x61746164) { // "data"
                dataStart = pos + 8;
                break;
            }
            pos += 8 + size;
        }
        if (dataStart < 0) {
            throw new IOException("WAV from espeak-ng has no data chunk");
        }
        int n = (wav.length - dataStart) / 2;
        float[] s = new float[n];
        for (int i = 0; i < n; i++) {
            s[i] = b.getShort(dataStart + 2 * i) / 32768f;
        }
        if (rate == 16000) {
            return s;
        }
        Resampler r = new Resampler(rate, 16000);
        float[] a = r.process(s);
        float[] tail = r.flush();
        float[] out = java.util.Arrays.copyOf(a, a.length + tail.length);
        System.arraycopy(tail, 0, out, a.length, tail.length);
        return out;
    }

    /** Segments separated by at least {@link #MIN_GAP} samples of 10-ms frames below the silence level. */
    static List<float[]> split(float[] s) {
        int frame = 160;
        int frames = s.length / frame;
        boolean[] loud = new boolean[frames];
        for (int f = 0; f < frames; f++) {
            double e = 0;
            for (int i = f * frame; i < (f + 1) * frame; i++) {
                e += s[i] * s[i];
            }
            loud[f] = Math.sqrt(e / frame) > SILENCE;
        }
        List<float[]> out = new ArrayList<>();
        int start = -1;
        int lastLoud = -1;
        for (int f = 0; f <= frames; f++) {
            boolean l = f < frames && loud[f];
            if (l) {
                if (start < 0) {
                    start = f;
                } else if ((f - lastLoud - 1) * frame >= MIN_GAP) {
                    out.add(java.util.Arrays.copyOfRange(s, start * frame, (lastLoud + 1) * frame));
                    start = f;
                }
                lastLoud = f;
            }
        }
        if (start >= 0) {
            out.add(java.util.Arrays.copyOfRange(s, start * frame, (lastLoud + 1) * frame));
        }
        return out;
    }

    static float[] trim(float[] s) {
        List<float[]> parts = split(s);
        if (parts.isEmpty()) {
            return new float[0];
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        // keep everything from the first to the last sound
        int frame = 160;
        int first = -1;
        int last = -1;
        for (int f = 0; f < s.length / frame; f++) {
            double e = 0;
            for (int i = f * frame; i < (f + 1) * frame; i++) {
                e += s[i] * s[i];
            }
            if (Math.sqrt(e / frame) > SILENCE) {
                if (first < 0) {
                    first = f;
                }
                last = f;
            }
        }
        return java.util.Arrays.copyOfRange(s, first * frame, (last + 1) * frame);
    }
}
