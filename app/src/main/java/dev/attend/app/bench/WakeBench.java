package dev.attend.app.bench;

import dev.attend.encoders.audio.AudioModels;
import dev.attend.encoders.audio.wake.WakeDecider;
import dev.attend.encoders.audio.wake.WakeOptions;
import dev.attend.media.AudioChunk;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * {@code attend bench wake}: detection rate of the four bundled wake words spoken by espeak-ng voices at start
 * offsets across the 80 ms block grid, and false accepts per hour on a generated corpus of non-wake audio, each
 * scored by openWakeWord's single phase and by Attend's phase-robust scoring in the same run; then the cost.
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

    /**
     * @param work    cache folder for the generated audio
     * @param hours   hours of false-accept audio (0 skips that part)
     * @param offsets start offsets per word and voice, 10 ms apart (at most 8: the 80 ms block grid)
     * @param voices  espeak-ng voices (with +variant) for the detection clips; empty skips that part
     */
    public record Settings(Path work, double hours, int offsets, List<String> voices, WakeOptions wake,
                           int stackSeconds, int threads) {
    }

    /** One runner (its own loaded models) per worker thread. */
    private final List<WakeBenchRunner> runners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ThreadLocal<WakeBenchRunner> runner = new ThreadLocal<>();

    private WakeBenchRunner runner() throws IOException {
        WakeBenchRunner r = runner.get();
        if (r == null) {
            r = new WakeBenchRunner(s.wake());
            runner.set(r);
            runners.add(r);
        }
        return r;
    }

    /** Runs the tasks on {@code threads} workers, results in task order. */
    private <T> List<T> parallel(List<java.util.concurrent.Callable<T>> tasks) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(s.threads(),
                dev.attend.concurrent.AttendThreads.factory("benchwake"));
        try {
            List<T> out = new ArrayList<>();
            for (var f : pool.invokeAll(tasks)) {
                try {
                    out.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof Exception x ? x : new IllegalStateException(e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private final Settings s;
    private final PrintWriter out;
    private final PrintWriter log;

    public WakeBench(Settings settings, PrintWriter out, PrintWriter log) {
        this.s = settings;
        this.out = out;
        this.log = log;
    }

    public void run() throws Exception {
        Files.createDirectories(s.work());
        WakeOptions w = s.wake();
        out.printf(Locale.ROOT, "Wake words: threshold %.2f, patience %d, refractory %.1f s; Attend scores %d block "
                + "phases (%d ms apart, gate %.3f), openWakeWord 1; %s%n", w.threshold(), w.patience(),
                w.refractorySeconds(), w.phases(), 80 / w.phases(), w.phaseGate(),
                WakeSpeech.espeakVersion().replaceAll("\\s+Data at:.*", ""));
        out.flush();
        try {
            if (!s.voices().isEmpty()) {
                detection();
            }
            if (s.hours() > 0) {
                falseAccepts();
            }
        } finally {
            runners.forEach(WakeBenchRunner::close);
        }
        if (s.stackSeconds() > 0) {
            cost();
        }
        out.flush();
    }

    // ---- detection ------------------------------------------------------------------------------------------

    private WakeDetectionReport.VoiceResult voice(Path tmp, String voice) throws IOException {
        int n = s.offsets();
        List<String> single = new ArrayList<>();
        List<String> robust = new ArrayList<>();
        int[] phaseOfPeak = new int[s.wake().phases()];
        int[] phaseHits = new int[s.wake().phases()];
        int wrongS = 0;
        int wrongA = 0;
        int doubleA = 0;
        double cpu = 0;
        double audio = 0;
        for (var word : WORDS.entrySet()) {
            float[] utterance = WakeSpeech.speak(tmp, voice, 175, 50, word.getValue());
            StringBuilder ms = new StringBuilder();
            StringBuilder ma = new StringBuilder();
            for (int k = 0; k < n; k++) {
                float[] clip = clip(utterance, k, (voice + word.getKey()).hashCode());
                WakeBenchRunner.Result r = runner().run(clip);
                cpu += r.cpuSeconds();
                audio += clip.length / 16000.0;
                boolean hitS = false;
                boolean hitA = false;
                for (var e : r.models().entrySet()) {
                    if (e.getKey().equals(word.getKey())) {
                        hitS = !e.getValue().single.isEmpty();
                        hitA = !e.getValue().robust.isEmpty();
                        doubleA += e.getValue().robust.size() > 1 ? 1 : 0;
                        if (hitA) {
                            phaseOfPeak[e.getValue().peakPhase]++;
                        }
                        for (int p = 0; p < phaseHits.length; p++) {
                            // that phase alone (patience 1): its own peak reached the threshold
                            phaseHits[p] += e.getValue().peak[p] >= s.wake().threshold() ? 1 : 0;
                        }
                    } else {
                        wrongS += e.getValue().single.size();
                        wrongA += e.getValue().robust.size();
                    }
                }
                ms.append(hitS ? 'x' : '.');
                ma.append(hitA ? 'x' : '.');
            }
            single.add(ms.toString());
            robust.add(ma.toString());
        }
        log.printf(Locale.ROOT, "  detection: %s done%n", voice);
        log.flush();
        return new WakeDetectionReport.VoiceResult(voice, single, robust, wrongS, wrongA, doubleA, phaseOfPeak,
                phaseHits, cpu, audio);
    }

    private void detection() throws Exception {
        Path tmp = Files.createDirectories(s.work().resolve("tmp"));
        int n = s.offsets();
        out.printf(Locale.ROOT, "%nDetection: %d words x %d voices x %d start offsets (0-%d ms, 10 ms apart)%n",
                WORDS.size(), s.voices().size(), n, 10 * (n - 1));
        out.flush();
        List<java.util.concurrent.Callable<WakeDetectionReport.VoiceResult>> tasks = new ArrayList<>();
        for (String voice : s.voices()) {
            tasks.add(() -> voice(tmp, voice));
        }
        List<WakeDetectionReport.VoiceResult> results = parallel(tasks);
        WakeDetectionReport.print(results, s.offsets(), s.wake().phases(), out);
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

    // ---- false accepts --------------------------------------------------------------------------------------

    private void falseAccepts() throws Exception {
        WakeText text = WakeText.load();
        log.printf(Locale.ROOT, "  false-accept corpus: %s; cached under %s%n", text, s.work().resolve("fa"));
        log.flush();
        List<WakeCorpus.Segment> segs = WakeCorpus.ensure(s.work().resolve("fa"), s.hours(), text, log);
        double hours = segs.stream().mapToDouble(WakeCorpus.Segment::seconds).sum() / 3600;
        double speech = segs.stream().mapToDouble(WakeCorpus.Segment::speechSeconds).sum() / 3600;
        int passages = segs.stream().mapToInt(WakeCorpus.Segment::passages).sum();
        out.printf(Locale.ROOT, "%nFalse accepts: %.2f h of audio (%d segments; %.2f h speech in %d passages of %s, "
                + "the rest pauses, noise and tones)%n", hours, segs.size(), speech, passages, text.source());
        Map<String, int[]> counts = new LinkedHashMap<>();
        WORDS.keySet().forEach(m -> counts.put(m, new int[2]));
        List<String> events = new ArrayList<>();
        List<java.util.concurrent.Callable<WakeBenchRunner.Result>> tasks = new ArrayList<>();
        for (WakeCorpus.Segment seg : segs) {
            tasks.add(() -> {
                // each segment's scores are kept beside it: an interrupted run resumes, a longer one reuses them
                Path cached = WakeSegmentScores.file(seg.wav(), s.wake());
                WakeBenchRunner.Result r = WakeSegmentScores.read(cached);
                if (r == null) {
                    r = runner().run(WakeSpeech.readResampled(seg.wav()));
                    WakeSegmentScores.write(cached, r);
                }
                log.printf(Locale.ROOT, "  false accepts: %s scored (openWakeWord %d, Attend %d; CPU %.1f s)%n",
                        seg.wav().getFileName(), r.models().values().stream().mapToInt(m -> m.single.size()).sum(),
                        r.models().values().stream().mapToInt(m -> m.robust.size()).sum(), r.cpuSeconds());
                log.flush();
                return r;
            });
        }
        List<WakeBenchRunner.Result> results = parallel(tasks);
        double cpu = 0;
        long calls = 0;
        long blocks = 0;
        for (int i = 0; i < segs.size(); i++) {
            WakeCorpus.Segment seg = segs.get(i);
            WakeBenchRunner.Result r = results.get(i);
            cpu += r.cpuSeconds();
            calls += r.embeddingCalls();
            blocks += r.blocks();
            for (var e : r.models().entrySet()) {
                counts.get(e.getKey())[0] += e.getValue().single.size();
                counts.get(e.getKey())[1] += e.getValue().robust.size();
                for (WakeDecider.Detection d : e.getValue().robust) {
                    events.add(String.format(Locale.ROOT, "%s t=%.2f %s score %.3f peak %.3f", seg.wav().getFileName(),
                            d.t(), e.getKey(), d.score(), d.peak()));
                }
                for (WakeDecider.Detection d : e.getValue().single) {
                    events.add(String.format(Locale.ROOT, "%s t=%.2f %s (openWakeWord) score %.3f peak %.3f",
                            seg.wav().getFileName(), d.t(), e.getKey(), d.score(), d.peak()));
                }
            }
        }
        out.println("  model          openWakeWord (1 phase)   Attend (phase-robust)");
        int ts = 0;
        int ta = 0;
        for (var e : counts.entrySet()) {
            ts += e.getValue()[0];
            ta += e.getValue()[1];
            out.printf(Locale.ROOT, "  %-14s %3d = %5.2f per hour     %3d = %5.2f per hour%n", e.getKey(),
                    e.getValue()[0], e.getValue()[0] / hours, e.getValue()[1], e.getValue()[1] / hours);
        }
        out.printf(Locale.ROOT, "  %-14s %3d = %5.2f per hour     %3d = %5.2f per hour%n", "all", ts, ts / hours,
                ta, ta / hours);
        events.forEach(e -> out.println("    " + e));
        out.printf(Locale.ROOT, "  scoring (mel, %d embedding calls for %d blocks = %.3f per block, 4 heads) CPU %.1f s "
                + "= real-time factor %.4f%n", calls, blocks, calls / (double) blocks, cpu, cpu / (hours * 3600));
        out.flush();
    }

    // ---- cost -----------------------------------------------------------------------------------------------

    /** The whole audio encoder stack (VAD, mel, embedding, four heads) with 1 phase and with Attend's phases. */
    private void cost() throws Exception {
        List<AudioChunk> chunks = costAudio();
        double seconds = chunks.stream().mapToInt(AudioChunk::length).sum() / 16000.0;
        int[] variants = s.wake().phases() == 1 ? new int[] {1} : new int[] {1, s.wake().phases()};
        double[][] cpu = new double[variants.length][3];
        AudioEncoderBench.stack(chunks, s.wake().withPhases(1)); // warm-up
        for (int round = 0; round < 3; round++) {
            for (int v = 0; v < variants.length; v++) {
                cpu[v][round] = AudioEncoderBench.stack(chunks, s.wake().withPhases(variants[v]))[1];
            }
        }
        out.printf(Locale.ROOT, "%nCost: whole audio encoder stack (Silero VAD, mel, embedding, %d heads) on one "
                + "thread, %.0f s of the corpus, CPU, median of 3 rounds:%n", AudioModels.wakeWordNames().size(),
                seconds);
        for (int v = 0; v < variants.length; v++) {
            Arrays.sort(cpu[v]);
            out.printf(Locale.ROOT, "  %d phase%s: CPU %.3f s = real-time factor %.4f%n", variants[v],
                    variants[v] == 1 ? " (openWakeWord)" : "s (Attend)", cpu[v][1], cpu[v][1] / seconds);
        }
        out.flush();
    }

    private List<AudioChunk> costAudio() throws IOException {
        Path first = s.work().resolve("fa").resolve("fa-000.wav");
        float[] pcm = Files.isRegularFile(first) ? WakeSpeech.readResampled(first) : new float[0];
        int n = Math.min(pcm.length, s.stackSeconds() * 16000);
        if (n < 16000) {
            pcm = new float[s.stackSeconds() * 16000];
            WakeSounds.addFloor(pcm, new Random(1));
            n = pcm.length;
        }
        List<AudioChunk> chunks = new ArrayList<>();
        for (int o = 0, i = 0; o + 1280 <= n; o += 1280, i++) {
            chunks.add(new AudioChunk(i, o / 16000.0, Arrays.copyOfRange(pcm, o, o + 1280), System.nanoTime()));
        }
        return chunks;
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
