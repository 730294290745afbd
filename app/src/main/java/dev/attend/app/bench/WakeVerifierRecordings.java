package dev.attend.app.bench;

import dev.attend.encoders.audio.AudioModels;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Raw scores and candidate windows ({@link WakeWindows}) of clips and corpus segments, for training and measuring the
 * second-stage verifier: made once (one front-end run gives both), cached; a voice or segment whose raw scores are
 * already cached but whose windows are not is run again and only its windows are written.
 */
final class WakeVerifierRecordings {

    /** Scores and windows of one voice or segment. */
    record Recorded(WakeRawScores raw, WakeWindows windows) {
    }

    private final WakeBenchPool pool;
    private final int phases;
    private final double gate;
    private final PrintWriter log;

    WakeVerifierRecordings(WakeBenchPool pool, int phases, double gate, PrintWriter log) {
        this.pool = pool;
        this.phases = phases;
        this.gate = gate;
        this.log = log;
    }

    /**
     * Per voice, every phrase at every offset (labels {@code key@offset}), spoken at the voice's own speed and pitch.
     *
     * @param speedPitch true: a speed and pitch derived from the voice's name (training variety); false: espeak-ng's
     *                   175 wpm and pitch 50, as the detection clips
     */
    List<Recorded> voices(Path dir, List<String> voices, Map<String, String> phrases, int offsets,
                          boolean speedPitch) throws Exception {
        Files.createDirectories(dir);
        Path tmp = Files.createDirectories(dir.resolveSibling("tmp"));
        List<Callable<Recorded>> tasks = new ArrayList<>();
        for (String voice : voices) {
            tasks.add(() -> {
                Path rf = WakeRawScores.file(dir, voice + "-o" + offsets, phases, gate);
                Path wf = WakeWindows.file(dir, voice + "-o" + offsets, phases);
                WakeRawScores raw = WakeRawScores.read(rf);
                WakeWindows win = WakeWindows.read(wf);
                if (raw == null || win == null) {
                    int h = Math.abs(voice.hashCode());
                    int speed = speedPitch ? 140 + 20 * (h % 4) : 175;
                    int pitch = speedPitch ? 35 + 15 * ((h / 4) % 3) : 50;
                    List<WakeRawScores.Clip> clips = new ArrayList<>();
                    List<List<WakeWindows.Capture>> caps = new ArrayList<>();
                    for (var phrase : phrases.entrySet()) {
                        float[] utterance = WakeSpeech.speak(tmp, voice, speed, pitch, phrase.getValue());
                        for (int k = 0; k < offsets; k++) {
                            float[] clip = WakeBenchRecordings.clip(utterance, k, (voice + phrase.getKey()).hashCode());
                            List<WakeWindows.Capture> c = new ArrayList<>();
                            clips.add(pool.runner().record(phrase.getKey() + "@" + k, clip, c));
                            caps.add(c);
                        }
                    }
                    if (raw == null) {
                        raw = new WakeRawScores(phases, gate, AudioModels.wakeWordNames(), clips);
                        raw.write(rf);
                    }
                    win = new WakeWindows(caps);
                    win.write(wf);
                    log.printf(Locale.ROOT, "  verifier: %s windows recorded%n", voice);
                    log.flush();
                }
                return new Recorded(raw, win);
            });
        }
        return pool.run(tasks);
    }

    /** Per segment, one clip. */
    List<Recorded> segments(List<WakeCorpus.Segment> segs) throws Exception {
        return segments(segs, WakeWindows.CAPTURE);
    }

    /** Per segment, one clip, keeping windows wherever a phase scored at least {@code capture}. */
    List<Recorded> segments(List<WakeCorpus.Segment> segs, float capture) throws Exception {
        List<Callable<Recorded>> tasks = new ArrayList<>();
        for (WakeCorpus.Segment seg : segs) {
            tasks.add(() -> {
                String base = seg.wav().getFileName().toString().replaceFirst("\\.wav$", "");
                Path rf = WakeRawScores.file(seg.wav().getParent(), base, phases, gate);
                Path wf = WakeWindows.file(seg.wav().getParent(), base, phases, capture);
                WakeRawScores raw = WakeRawScores.read(rf);
                WakeWindows win = WakeWindows.read(wf);
                if (raw == null || win == null) {
                    List<WakeWindows.Capture> c = new ArrayList<>();
                    WakeRawScores.Clip clip = pool.runner().record(base, WakeSpeech.readResampled(seg.wav()), c,
                            capture);
                    if (raw == null) {
                        raw = new WakeRawScores(phases, gate, AudioModels.wakeWordNames(), List.of(clip));
                        raw.write(rf);
                    }
                    win = new WakeWindows(List.of(c));
                    win.write(wf);
                    log.printf(Locale.ROOT, "  verifier: %s windows recorded (%d, CPU %.1f s)%n", base, c.size(),
                            clip.cpuSeconds());
                    log.flush();
                }
                return new Recorded(raw, win);
            });
        }
        return pool.run(tasks);
    }
}
