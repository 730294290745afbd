package dev.attend.app.cli;

import static dev.attend.app.cli.BenchAsrCommand.median;
import static dev.attend.app.cli.BenchAsrCommand.sortedRatios;
import static dev.attend.app.cli.BenchAsrCommand.processCpuNanos;

import dev.attend.event.AsrEvents;
import dev.attend.speaker.SpeakerSetup;
import dev.attend.speaker.SpeakerVectorSource;
import dev.attend.speaker.compact.CompactSpeakerModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code attend bench asr --speakers}: the same file through the ASR stage without and with speaker labels
 * (compact or libvosk vectors), alternating; medians and ratios, and the compact vector's own cost.
 */
final class BenchSpeakerOverhead {

    private final int rounds;
    private final SpeakerVectorSource source;
    private List<AsrEvents.Final> spans;

    BenchSpeakerOverhead(int rounds, String source) {
        this.rounds = rounds;
        try {
            this.source = SpeakerVectorSource.parse(source);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--speaker-vectors: " + e.getMessage());
        }
    }

    /** The same file through the ASR stage without and with speaker vectors, alternating; medians and ratios. */
    void run(PrintWriter out, Path model, Path wav) throws Exception {
        SpeakerSetup setup = SpeakerSetup.shipped(source, List.of());
        // libvosk's vectors: the verified bundled model, held loaded so neither path pays for loading it
        Path spk = source == SpeakerVectorSource.VOSK ? setup.prepareModel() : null;
        if (spk != null) {
            setup = setup.withModelDir(spk);
        }
        double[][] wall = new double[2][rounds];
        double[][] cpu = new double[2][rounds];
        int[] labelled = new int[1];
        try (var keep = spk == null ? null : dev.attend.asr.vosk.VoskSpeakerModels.shared().acquire(spk)) {
            for (int r = -1; r < rounds; r++) {
                for (int k = 0; k < 2; k++) {
                    int path = (k + Math.max(r, 0)) % 2; // 0 = without, 1 = with speaker vectors
                    long c0 = processCpuNanos();
                    long t0 = System.nanoTime();
                    var stage = new dev.attend.asr.AsrStage(model, dev.attend.asr.RecognizerOptions.defaults(),
                            path == 1 ? setup : null);
                    var finals = dev.attend.asr.FileTranscriber.finals(dev.attend.asr.FileTranscriber.run(stage, wav));
                    if (r >= 0) {
                        wall[path][r] = (System.nanoTime() - t0) / 1e9;
                        cpu[path][r] = (processCpuNanos() - c0) / 1e9;
                    }
                    if (path == 1) {
                        labelled[0] = (int) finals.stream().filter(f -> f.speaker() != null).count();
                        spans = finals;
                    }
                }
                if (r >= 0) {
                    out.printf(Locale.ROOT, "round %d: without speakers %.3f s (cpu %.3f s), with %.3f s (cpu %.3f s), "
                            + "ratio %.3f (cpu %.3f)%n", r + 1, wall[0][r], cpu[0][r], wall[1][r], cpu[1][r],
                            wall[1][r] / wall[0][r], cpu[1][r] / cpu[0][r]);
                }
            }
        }
        out.printf(Locale.ROOT, "speaker vectors: %s%n", source.id());
        double[][] r = sortedRatios(wall, cpu);
        double[] ratios = r[0];
        double[] cpuRatios = r[1];
        out.printf(Locale.ROOT, "median without %.3f s (cpu %.3f s), with %.3f s (cpu %.3f s); time ratio "
                + "with/without: median %.3f, CPU-time ratio median %.3f (goal <= 1.10); %d utterances labelled%n",
                median(wall[0]), median(cpu[0]), median(wall[1]), median(cpu[1]), median(ratios), median(cpuRatios),
                labelled[0]);
        if (labelled[0] > 0) {
            out.printf(Locale.ROOT, "speaker labels cost %.1f ms of CPU per labelled utterance (median with - without"
                    + ", / %d)%n", (median(cpu[1]) - median(cpu[0])) * 1e3 / labelled[0], labelled[0]);
        }
        if (source == SpeakerVectorSource.COMPACT && spans != null) {
            compactAlone(out, wav, spans);
        }
    }

    /** The compact vector's own cost: thread CPU per final's span, 20 passes over the file's finals. */
    private static void compactAlone(PrintWriter out, Path wav, List<AsrEvents.Final> finals) throws Exception {
        float[] pcm;
        try (var in = javax.sound.sampled.AudioSystem.getAudioInputStream(wav.toFile())) {
            byte[] b = in.readAllBytes();
            pcm = new float[b.length / 2];
            for (int i = 0; i < pcm.length; i++) {
                pcm[i] = (short) ((b[2 * i] & 0xff) | (b[2 * i + 1] << 8)) / 32768f;
            }
        }
        CompactSpeakerModel m = CompactSpeakerModel.shipped();
        var bean = java.lang.management.ManagementFactory.getThreadMXBean();
        int n = 0;
        double speech = 0;
        long c0 = 0;
        for (int pass = -2; pass < 20; pass++) {
            if (pass == 0) {
                c0 = bean.getCurrentThreadCpuTime();
            }
            for (AsrEvents.Final f : finals) {
                int a = Math.max(0, (int) ((f.t() - 0.1) * 16000));
                int z = Math.min(pcm.length, (int) ((f.end() + 0.1) * 16000));
                if (z > a && m.vector(pcm, a, z) != null && pass >= 0) {
                    n++;
                    speech += (z - a) / 16000.0;
                }
            }
        }
        if (n > 0) {
            out.printf(Locale.ROOT, "compact vector alone: %.3f ms of thread CPU per utterance (%.1f s of audio on "
                    + "average, %d vectors)%n", (bean.getCurrentThreadCpuTime() - c0) / 1e6 / n, speech / n, n);
        }
    }
}
