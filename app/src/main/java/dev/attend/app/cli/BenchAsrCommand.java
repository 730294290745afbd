package dev.attend.app.cli;

import dev.attend.app.bench.AsrBenchPaths;
import dev.attend.asr.EndpointerSettings;
import dev.attend.testkit.ToneAudio;
import dev.attend.testkit.ToneModelWriter;
import dev.attend.asr.vosk.VoskModelCache;
import dev.attend.asr.vosk.VoskNative;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code attend bench asr}: Attend's streaming path (WAV source → pipeline → ASR stage) against feeding libvosk
 * directly with the same chunks, same file and same loaded model, in one run; then, paced in real time, the delay
 * from the chunk that holds a word's last sample to the partial that shows the word.
 */
@Command(name = "asr", mixinStandardHelpOptions = true,
        description = "Speech recognition: Attend's pipeline vs libvosk called directly (time ratio), and the "
                + "latency from a word's last audio chunk to its partial. Uses the generated tone model.")
public final class BenchAsrCommand implements Callable<Integer> {

    @Option(names = "--seconds", defaultValue = "60", paramLabel = "N",
            description = "Seconds of generated speech for the throughput rounds (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--rounds", defaultValue = "5", description = "Timed rounds per path after a warm-up (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--latency-seconds", defaultValue = "10", paramLabel = "S",
            description = "Seconds of speech played in real time for the latency figure; 0 skips it (default ${DEFAULT-VALUE}).")
    double latencySeconds;

    @Option(names = "--model", paramLabel = "DIR",
            description = "A Vosk model folder to measure instead of the tone model (needs --audio).")
    Path userModel;

    @Option(names = "--audio", paramLabel = "FILE",
            description = "A 16 kHz mono 16-bit WAV to decode with --model (no latency figure: no word truth).")
    Path userAudio;

    @Option(names = "--speakers",
            description = "Measure what speaker vectors add to recognition time instead.")
    boolean speakers;

    @Option(names = "--speaker-vectors", paramLabel = "SOURCE", defaultValue = "compact",
            description = "With --speakers: compact (Attend's, the default) or vosk (libvosk's x-vector).")
    String vectors;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!(seconds >= 1 && seconds <= 3600) || rounds < 1 || !(latencySeconds >= 0 && latencySeconds <= 600)) {
            throw new BadInputException("--seconds must be 1..3600, --rounds >= 1, --latency-seconds 0..600");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path tmp = Files.createTempDirectory("attend-bench-asr-");
        try {
            Path model;
            Path wav;
            ToneAudio speech = null;
            if (userModel != null || userAudio != null) {
                if (userModel == null || userAudio == null) {
                    throw new BadInputException("give --model DIR and --audio FILE together");
                }
                model = checkModel(userModel);
                wav = checkAudio(userAudio);
            } else {
                model = ToneModelWriter.writeDefault(tmp.resolve("tone-model"));
                speech = AsrBenchPaths.speech(seconds, 1);
                wav = tmp.resolve("speech.wav");
                speech.writeWav(wav);
            }
            long t0 = System.nanoTime();
            VoskNative.ensureLoaded();
            long t1 = System.nanoTime();
            // hold the model so neither path pays for loading it
            try (VoskModelCache.Lease lease = VoskModelCache.shared().acquire(model, EndpointerSettings.MODEL_DEFAULT)) {
                out.printf(Locale.ROOT, "libvosk load (first use in this process) %.0f ms; model load %.0f ms%n",
                        (t1 - t0) / 1e6, (System.nanoTime() - t1) / 1e6);
                if (speakers) {
                    new BenchSpeakerOverhead(rounds, vectors).run(out, model, wav);
                    return ExitCodes.OK;
                }
                throughput(out, lease, model, wav, speech);
                if (latencySeconds > 0 && speech != null) {
                    ToneAudio shortSpeech = AsrBenchPaths.speech(latencySeconds, 2);
                    Path wav2 = tmp.resolve("latency.wav");
                    shortSpeech.writeWav(wav2);
                    printLatency(out, AsrBenchPaths.latency(model, wav2, shortSpeech, latencySeconds));
                }
            }
        } finally {
            dev.attend.app.bench.BenchTempDirs.delete(tmp);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void throughput(PrintWriter out, VoskModelCache.Lease lease, Path model, Path wav, ToneAudio speech)
            throws Exception {
        double[][] wall = new double[2][rounds];
        double[][] cpu = new double[2][rounds];
        String[] text = new String[2];
        for (int r = -1; r < rounds; r++) {
            // alternate which path goes first, so warm caches and load swings favour neither
            for (int k = 0; k < 2; k++) {
                int path = (k + Math.max(r, 0)) % 2; // 0 = libvosk direct, 1 = Attend
                long c0 = processCpuNanos();
                long t0 = System.nanoTime();
                text[path] = path == 0 ? AsrBenchPaths.direct(lease, wav) : AsrBenchPaths.viaPipeline(model, wav);
                if (r >= 0) {
                    wall[path][r] = (System.nanoTime() - t0) / 1e9;
                    cpu[path][r] = (processCpuNanos() - c0) / 1e9;
                }
            }
            if (r >= 0) {
                out.printf(Locale.ROOT, "round %d: libvosk direct %.3f s (cpu %.3f s), Attend pipeline %.3f s "
                        + "(cpu %.3f s), ratio %.3f%n", r + 1, wall[0][r], cpu[0][r], wall[1][r], cpu[1][r],
                        wall[1][r] / wall[0][r]);
            }
        }
        double[][] r = sortedRatios(wall, cpu);
        double[] ratios = r[0];
        double[] cpuRatios = r[1];
        double secs = audioSeconds(wav);
        out.printf(Locale.ROOT, "audio %.1f s; median libvosk direct %.3f s (%.4f x real time), "
                        + "Attend %.3f s (%.4f x real time)%n", secs,
                median(wall[0]), median(wall[0]) / secs, median(wall[1]), median(wall[1]) / secs);
        out.printf(Locale.ROOT, "time ratio Attend/direct: median %.3f, best-of-each %.3f (goal <= 1.10); "
                + "CPU-time ratio median %.3f%n", median(ratios), wall[1][0] / wall[0][0], median(cpuRatios));
        if (speech == null) {
            out.printf("transcripts: %s%n", text[0].equals(text[1]) ? "identical" : "DIFFER");
        } else {
            out.printf("transcripts: %s%n", text[0].equals(text[1]) && text[0].equals(speech.text())
                    ? "both exact (" + speech.spans().size() + " words)" : "DIFFER (direct: "
                    + text[0].equals(speech.text()) + ", Attend: " + text[1].equals(speech.text()) + ")");
        }
    }

    private static Path checkModel(Path dir) {
        try {
            return dev.attend.asr.vosk.VoskModelFolder.check(dir).dir();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    /** The direct path feeds the file's bytes as they are, so they must already be what libvosk gets. */
    private static Path checkAudio(Path wav) {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            javax.sound.sampled.AudioFormat f = in.getFormat();
            if (f.getSampleRate() != 16000 || f.getChannels() != 1 || f.getSampleSizeInBits() != 16
                    || f.isBigEndian() || f.getEncoding() != javax.sound.sampled.AudioFormat.Encoding.PCM_SIGNED) {
                throw new BadInputException(wav + " is " + f + "; give a 16 kHz mono 16-bit little-endian WAV "
                        + "(e.g. ffmpeg -i IN -ar 16000 -ac 1 OUT.wav)");
            }
            return wav;
        } catch (javax.sound.sampled.UnsupportedAudioFileException | IOException e) {
            throw new BadInputException("cannot read " + wav + " as WAV: " + e.getMessage());
        }
    }

    private static double audioSeconds(Path wav) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            return in.getFrameLength() / (double) in.getFormat().getFrameRate();
        }
    }

    /** CPU time of the whole process (all threads), or 0 where the JVM cannot tell. */
    static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }

    /**
     * Per-round ratios of the second series to the first (wall, CPU), then every series sorted in place for
     * {@link #median}: {@code [0]} wall ratios, {@code [1]} CPU ratios.
     */
    static double[][] sortedRatios(double[][] wall, double[][] cpu) {
        int rounds = wall[0].length;
        double[] ratios = new double[rounds];
        double[] cpuRatios = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            ratios[i] = wall[1][i] / wall[0][i];
            cpuRatios[i] = cpu[1][i] / cpu[0][i];
        }
        for (double[] a : new double[][]{wall[0], wall[1], cpu[0], cpu[1], ratios, cpuRatios}) {
            Arrays.sort(a);
        }
        return new double[][]{ratios, cpuRatios};
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }


    private static void printLatency(PrintWriter out, AsrBenchPaths.Latency l) {
        if (l.wallMs().isEmpty()) {
            out.println("latency: no partials measured");
            return;
        }
        double[] w = l.wallMs().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] m = l.mediaMs().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        out.printf(Locale.ROOT, "latency, real-time pacing, %d words: last chunk of a word -> its partial: median %.1f ms, "
                + "p90 %.1f ms, max %.1f ms (wall clock); partial media time - word end: median %.0f ms%n",
                w.length, median(w), w[(int) Math.floor(0.9 * (w.length - 1))], w[w.length - 1], median(m));
    }
}
