package dev.attend.app.bench;

import dev.attend.media.AudioChunk;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The false-accept corpus of {@code attend bench wake}: hours of audio that holds no wake word, made reproducibly
 * and cached as 10-minute 16 kHz WAV segments. Each segment is a seeded sequence of passages of English text read by
 * espeak-ng (many voices and variants, English and other languages' voices, speeds and pitches, some over noise),
 * noise bursts (white, pink, brown), music-like tones (melodies and chords of harmonic notes, beeps), with pauses
 * between, all over a faint noise floor. A segment is rebuilt only when its recipe, the text or espeak-ng changed.
 */
final class WakeCorpus {

    /** Bump when the recipe changes, so cached segments are rebuilt. */
    static final int VERSION = 1;
    static final double SEGMENT_SECONDS = 600;
    private static final int RATE = AudioChunk.SAMPLE_RATE;

    static final List<String> ENGLISH = List.of("en-us", "en-gb", "en-gb-scotland", "en-gb-x-rp", "en-gb-x-gbclan",
            "en-gb-x-gbcwmd", "en-029", "en-us-nyc");
    /** Other languages' voices reading the English text: accents and sounds the heads never heard. */
    static final List<String> FOREIGN = List.of("de", "fr", "es", "it", "nl", "pl", "pt", "sv", "cs", "hu", "fi",
            "ro", "hi", "tr", "ru", "el");
    static final List<String> VARIANTS = List.of("", "+m1", "+m2", "+m3", "+m4", "+m5", "+m6", "+m7", "+f1", "+f2",
            "+f3", "+f4", "+f5", "+klatt", "+klatt2", "+klatt3", "+croak", "+Andy", "+boris", "+david", "+ed",
            "+john", "+linda", "+max", "+paul", "+robert", "+steph", "+travis", "+victor", "+grandma", "+grandpa");
    /**
     * English variants of the verifier-training corpus: none of the bench's detection voices' ({@code ""},
     * {@code +m3}, {@code +f2}, {@code +klatt}), so no bench voice, tuning or held out, reads a training negative.
     */
    static final List<String> TRAINING_VARIANTS = VARIANTS.stream()
            .filter(v -> !List.of("", "+m3", "+f2", "+klatt").contains(v)).toList();
    /** Seed index of the first training segment: far from the bench's {@code fa-NNN}, so no seed is shared. */
    static final int TRAINING_FIRST = 1000;

    private WakeCorpus() {
    }

    /** What one segment holds, for the report. */
    record Segment(Path wav, double seconds, double speechSeconds, int passages) {
    }

    /**
     * The segments for {@code hours} of audio under {@code dir}, made where missing or stale.
     *
     * @param log progress lines (one per segment made)
     */
    static List<Segment> ensure(Path dir, double hours, WakeText text, PrintWriter log) throws IOException {
        return ensure(dir, "fa", 0, VARIANTS, hours, text, log);
    }

    /**
     * Segments for training the second-stage verifier only ({@code vt-NNN}, seeds from {@link #TRAINING_FIRST},
     * English voices only with {@link #TRAINING_VARIANTS}): never scored by the bench's false-accept count.
     */
    static List<Segment> ensureTraining(Path dir, double hours, WakeText text, PrintWriter log) throws IOException {
        return ensure(dir, "vt", TRAINING_FIRST, TRAINING_VARIANTS, hours, text, log);
    }

    private static List<Segment> ensure(Path dir, String prefix, int first, List<String> english, double hours,
                                        WakeText text, PrintWriter log) throws IOException {
        Files.createDirectories(dir);
        String espeak = WakeSpeech.espeakVersion();
        double total = hours * 3600;
        int count = (int) Math.ceil(total / SEGMENT_SECONDS - 1e-9);
        List<Segment> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double len = Math.min(SEGMENT_SECONDS, total - i * SEGMENT_SECONDS);
            String id = String.format(Locale.ROOT, "version=%d%nindex=%d%nseconds=%.3f%ntext=%s%nespeak=%s%n",
                    VERSION, first + i, len, text.sha256(), espeak)
                    + (english == VARIANTS ? "" : "variants=" + String.join(",", english) + "\n");
            Path wav = dir.resolve(String.format(Locale.ROOT, "%s-%03d.wav", prefix, i));
            Path meta = dir.resolve(String.format(Locale.ROOT, "%s-%03d.txt", prefix, i));
            if (Files.isRegularFile(wav) && Files.isRegularFile(meta)
                    && Files.readString(meta, StandardCharsets.UTF_8).startsWith(id)) {
                out.add(parse(wav, Files.readString(meta, StandardCharsets.UTF_8)));
                continue;
            }
            long t0 = System.nanoTime();
            Segment s = make(dir, wav, first + i, len, text, english);
            Files.writeString(meta, id + String.format(Locale.ROOT, "speech=%.3f%npassages=%d%n", s.speechSeconds(),
                    s.passages()), StandardCharsets.UTF_8);
            log.printf(Locale.ROOT, "  made %s: %.0f s (%.0f s speech, %d passages) in %.1f s%n", wav.getFileName(),
                    s.seconds(), s.speechSeconds(), s.passages(), (System.nanoTime() - t0) / 1e9);
            log.flush();
            out.add(s);
        }
        return out;
    }

    private static Segment parse(Path wav, String meta) {
        double seconds = 0;
        double speech = 0;
        int passages = 0;
        for (String line : meta.split("\n")) {
            String[] kv = line.split("=", 2);
            switch (kv[0]) {
                case "seconds" -> seconds = Double.parseDouble(kv[1]);
                case "speech" -> speech = Double.parseDouble(kv[1]);
                case "passages" -> passages = Integer.parseInt(kv[1]);
                default -> { }
            }
        }
        return new Segment(wav, seconds, speech, passages);
    }

    private static Segment make(Path dir, Path wav, int index, double seconds, WakeText text, List<String> english)
            throws IOException {
        Random rnd = new Random(7919L * (index + 1));
        int n = (int) Math.round(seconds * RATE);
        float[] out = new float[n];
        int pos = 0;
        double speech = 0;
        int passages = 0;
        while (pos < n) {
            pos += (int) ((0.2 + 1.8 * rnd.nextDouble()) * RATE); // pause
            double r = rnd.nextDouble();
            float[] part;
            if (r < 0.82) {
                part = passage(dir, rnd, text, english);
                speech += part.length / (double) RATE;
                passages++;
            } else if (r < 0.91) {
                part = WakeSounds.noise(rnd, 1 + 5 * rnd.nextDouble());
            } else {
                part = rnd.nextDouble() < 0.7 ? WakeSounds.melody(rnd, 3 + 7 * rnd.nextDouble())
                        : WakeSounds.beeps(rnd, 1 + 3 * rnd.nextDouble());
            }
            for (int k = 0; k < part.length && pos + k < n; k++) {
                out[pos + k] += part[k];
            }
            pos += part.length;
        }
        WakeSounds.addFloor(out, rnd);
        WakeSpeech.writeWav(wav, out);
        return new Segment(wav, seconds, Math.min(speech, seconds), passages);
    }

    /** One passage in a random voice, speed and pitch, at a random level, sometimes over noise. */
    private static float[] passage(Path dir, Random rnd, WakeText text, List<String> english) throws IOException {
        String body = text.passages().get(rnd.nextInt(text.passages().size()));
        boolean en = rnd.nextDouble() < 0.75;
        List<String> bases = en ? ENGLISH : FOREIGN;
        List<String> variants = en ? english : VARIANTS;
        String voice = bases.get(rnd.nextInt(bases.size())) + variants.get(rnd.nextInt(variants.size()));
        float[] s = WakeSpeech.speak(dir, voice, 130 + rnd.nextInt(81), 25 + rnd.nextInt(51), body);
        float peak = 1e-9f;
        for (float v : s) {
            peak = Math.max(peak, Math.abs(v));
        }
        float gain = (float) ((0.15 + 0.75 * rnd.nextDouble()) / peak);
        for (int i = 0; i < s.length; i++) {
            s[i] *= gain;
        }
        if (rnd.nextDouble() < 0.3) {
            WakeSounds.addNoiseAtSnr(s, rnd, 5 + 25 * rnd.nextDouble());
        }
        return s;
    }
}
