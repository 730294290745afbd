package dev.attend.app.bench;

import dev.attend.encoders.audio.AudioModels;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * Makes (or reads from the cache) the raw scores the wake bench's reports are computed from: one file per detection
 * voice (every word at every start offset) and one per false-accept segment, recorded once at the pool's phases and
 * gate; every scoring rule is then a {@link WakeReplay} of them.
 */
final class WakeBenchRecordings {

    private final WakeBenchPool pool;
    private final int phases;
    private final double gate;
    private final PrintWriter log;

    WakeBenchRecordings(WakeBenchPool pool, int phases, double gate, PrintWriter log) {
        this.pool = pool;
        this.phases = phases;
        this.gate = gate;
        this.log = log;
    }

    /** Per voice, its clips labelled {@code word@offset}, in {@link WakeBench#WORDS} then offset order. */
    List<WakeRawScores> voices(Path work, List<String> voices, int offsets) throws Exception {
        Path dir = Files.createDirectories(work.resolve("det"));
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        List<Callable<WakeRawScores>> tasks = new ArrayList<>();
        for (String voice : voices) {
            tasks.add(() -> {
                Path f = WakeRawScores.file(dir, voice + "-o" + offsets, phases, gate);
                WakeRawScores raw = WakeRawScores.read(f);
                if (raw == null) {
                    List<WakeRawScores.Clip> clips = new ArrayList<>();
                    for (var word : WakeBench.WORDS.entrySet()) {
                        float[] utterance = WakeSpeech.speak(tmp, voice, 175, 50, word.getValue());
                        for (int k = 0; k < offsets; k++) {
                            float[] clip = clip(utterance, k, (voice + word.getKey()).hashCode());
                            clips.add(pool.runner().record(word.getKey() + "@" + k, clip));
                        }
                    }
                    raw = new WakeRawScores(phases, gate, AudioModels.wakeWordNames(), clips);
                    raw.write(f);
                    log.printf(Locale.ROOT, "  detection: %s scored%n", voice);
                    log.flush();
                }
                return raw;
            });
        }
        return pool.run(tasks);
    }

    /** Per segment, one clip. */
    List<WakeRawScores> segments(List<WakeCorpus.Segment> segs) throws Exception {
        List<Callable<WakeRawScores>> tasks = new ArrayList<>();
        for (WakeCorpus.Segment seg : segs) {
            tasks.add(() -> {
                String base = seg.wav().getFileName().toString().replaceFirst("\\.wav$", "");
                Path f = WakeRawScores.file(seg.wav().getParent(), base, phases, gate);
                WakeRawScores raw = WakeRawScores.read(f);
                if (raw == null) {
                    WakeRawScores.Clip c = pool.runner().record(base, WakeSpeech.readResampled(seg.wav()));
                    raw = new WakeRawScores(phases, gate, AudioModels.wakeWordNames(), List.of(c));
                    raw.write(f);
                    log.printf(Locale.ROOT, "  false accepts: %s scored (CPU %.1f s)%n", base, c.cpuSeconds());
                    log.flush();
                }
                return raw;
            });
        }
        return pool.run(tasks);
    }

    /**
     * 2 s + 10k ms of lead-in, the words, 1 s after, over a faint seeded noise floor. The lead-in is longer than a
     * head's 1.28 s history plus the 0.76 s in which the first tokens still see openWakeWord's pre-filled mel
     * window, so only the offset differs between the clips of a word, not the start-up.
     */
    static float[] clip(float[] utterance, int k, long seed) {
        int lead = 32000 + 160 * k;
        float[] c = new float[lead + utterance.length + 11200];
        System.arraycopy(utterance, 0, c, lead, utterance.length);
        WakeSounds.addFloor(c, new Random(seed * 31 + k));
        return c;
    }
}
