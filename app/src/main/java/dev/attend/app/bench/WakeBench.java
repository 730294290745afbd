package dev.attend.app.bench;

import dev.attend.encoders.audio.wake.WakeOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code attend bench wake}: detection rate of the four bundled wake words spoken by espeak-ng voices at start
 * offsets across the 80 ms block grid, and false accepts per hour on a generated corpus of non-wake audio, each
 * scored by openWakeWord's single phase and by Attend's phase-robust rule; then the cost. The front end runs once
 * per clip and segment, recording every head's raw score of every phase ({@link WakeBenchRecordings}, cached);
 * both scorings, and with {@code --tune} a sweep of rules ({@link WakeTune}), are replays of those scores.
 */
public final class WakeBench {

    /** The bundled models and the words that wake them, as espeak-ng is given them. */
    static final Map<String, String> WORDS = new LinkedHashMap<>();

    static {
        WORDS.put("hey_jarvis", "hey jarvis");
        // espeak-ng reads "mycroft" as "mick-roft"; the name is said "my croft"
        WORDS.put("hey_mycroft", "hey my croft");
        WORDS.put("alexa", "alexa");
        WORDS.put("hey_rhasspy", "hey rhasspy");
    }

    /** Detection voices: the English voices with four variants, none of them tuned for. */
    public static final List<String> DEFAULT_VOICES = voices(WakeCorpus.ENGLISH, List.of("", "+m3", "+f2", "+klatt"));

    /** Phases and gate the raw scores are recorded with: every rule with a gate at or above it replays exactly. */
    static final int RECORD_PHASES = 8;
    static final double RECORD_GATE = 0.01;

    /**
     * @param work    cache folder for the generated audio and the recorded scores
     * @param hours   hours of false-accept audio (0 skips that part)
     * @param offsets start offsets per word and voice, 10 ms apart (at most 8: the 80 ms block grid)
     * @param voices  espeak-ng voices (with +variant) for the detection clips; empty skips that part
     * @param wake    Attend's rule
     * @param tune    also sweep rules on a tuning split and report them on the held-out rest
     * @param tuneModels also choose a threshold and patience per model on the tuning split ({@link WakeModelSweep})
     * @param verifier also record the candidates' windows and report the rule with and without the verifier
     * @param trainVerifier where to write newly trained verifier weights (null: use the bundled ones)
     * @param verifierCorpusHours hours of a separate non-wake corpus made for training the verifiers only (0: none)
     * @param verifierFloor lowest score of a window of that corpus taken as a training negative
     */
    public record Settings(Path work, double hours, int offsets, List<String> voices, WakeOptions wake,
                           int stackSeconds, int threads, boolean tune, boolean tuneModels, boolean verifier,
                           Path trainVerifier,
                           double verifierCorpusHours, float verifierFloor) {
    }

    private final Settings s;
    private final PrintWriter out;
    private final PrintWriter log;

    public WakeBench(Settings settings, PrintWriter out, PrintWriter log) {
        this.s = settings;
        this.out = out;
        this.log = log;
    }

    /** openWakeWord's own scoring: one phase, its default threshold 0.5, patience 1. */
    static WakeOptions baseline(WakeOptions rule) {
        return new WakeOptions(0.5, 1, rule.refractorySeconds(), 1, 0, 1);
    }

    public void run() throws Exception {
        Files.createDirectories(s.work());
        WakeOptions w = s.wake();
        out.printf(Locale.ROOT, "Wake words: Attend: threshold %.2f, patience %d, %d block phases (%d ms apart, gate "
                + "%.3f), votes %d, extra patience %s, threshold shift %s; openWakeWord: threshold 0.50, patience 1, 1 phase; refractory "
                + "%.1f s; %s%n",
                w.threshold(), w.patience(), w.phases(), 80 / w.phases(), w.phaseGate(), w.votes(), w.extraPatience(),
                w.thresholdShift(), w.refractorySeconds(),
                WakeSpeech.espeakVersion().replaceAll("\\s+Data at:.*", ""));
        out.flush();
        double gate = Math.min(RECORD_GATE, w.phaseGate());
        WakeOptions recording = w.withPhases(RECORD_PHASES).withVotes(1).withPhaseGate(gate);
        List<WakeRawScores> det = List.of();
        List<WakeCorpus.Segment> segs = List.of();
        List<WakeRawScores> fa = List.of();
        try (WakeBenchPool pool = new WakeBenchPool(s.threads(), recording)) {
            WakeBenchRecordings rec = new WakeBenchRecordings(pool, RECORD_PHASES, gate, log);
            if (!s.voices().isEmpty()) {
                det = rec.voices(s.work(), s.voices(), s.offsets());
                detection(det);
            }
            if (s.hours() > 0) {
                WakeText text = WakeText.load();
                log.printf(Locale.ROOT, "  false-accept corpus: %s; cached under %s%n", text, s.work().resolve("fa"));
                log.flush();
                segs = WakeCorpus.ensure(s.work().resolve("fa"), s.hours(), text, log);
                fa = rec.segments(segs);
                WakeBenchFalseAccepts.print(segs, fa, baseline(w), w, text.source(), out);
            }
            if (s.verifier() || s.trainVerifier() != null) {
                new WakeVerifierBench(s, new WakeVerifierRecordings(pool, RECORD_PHASES, gate, log), segs, out, log)
                        .run();
            }
        }
        if (!det.isEmpty() && !fa.isEmpty()) {
            WakeHeadPatience.print(s.voices(), det, fa, s.offsets(), w, out);
        }
        if (s.tune() && !det.isEmpty() && !fa.isEmpty()) {
            new WakeTune(s.voices(), det, fa, s.offsets(), w, out).run();
        }
        if (s.tuneModels() && !det.isEmpty() && !fa.isEmpty()) {
            new WakeModelSweep(s.voices(), det, fa, s.offsets()).print(w, out);
        }
        if (s.stackSeconds() > 0) {
            WakeBenchCost.run(s.work(), s.stackSeconds(), w, out);
        }
        out.flush();
    }

    private void detection(List<WakeRawScores> det) {
        int n = s.offsets();
        out.printf(Locale.ROOT, "%nDetection: %d words x %d voices x %d start offsets (0-%d ms, 10 ms apart)%n",
                WORDS.size(), s.voices().size(), n, 10 * (n - 1));
        List<WakeDetectionReport.VoiceResult> results = new ArrayList<>();
        for (int v = 0; v < det.size(); v++) {
            results.add(WakeBenchDetection.voice(s.voices().get(v), det.get(v), n, baseline(s.wake()), s.wake()));
        }
        WakeDetectionReport.print(results, n, s.wake().phases(), out);
    }

    static List<String> voices(List<String> bases, List<String> variants) {
        List<String> v = new ArrayList<>();
        for (String b : bases) {
            for (String x : variants) {
                v.add(b + x);
            }
        }
        return List.copyOf(v);
    }
}
