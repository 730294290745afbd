package dev.attend.app.bench;

import dev.attend.encoders.audio.AudioModels;
import dev.attend.encoders.audio.wake.WakeOptions;
import dev.attend.media.AudioChunk;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** The wake bench's cost part: the whole audio encoder stack with openWakeWord's 1 phase and with Attend's rule. */
final class WakeBenchCost {

    private WakeBenchCost() {
    }

    /** VAD, mel, embedding and the four heads on one thread over {@code seconds} of the corpus, median of 3. */
    static void run(Path work, int stackSeconds, WakeOptions rule, PrintWriter out) throws Exception {
        List<AudioChunk> chunks = audio(work, stackSeconds);
        double seconds = chunks.stream().mapToInt(AudioChunk::length).sum() / 16000.0;
        List<WakeOptions> variants = new ArrayList<>(List.of(rule.withPhases(1).withVerify(false)));
        if (rule.phases() > 1) {
            variants.add(rule.withVerify(false));
        }
        if (rule.verify()) {
            variants.add(rule); // the second stage: asked only where a run would fire
        }
        double[][] cpu = new double[variants.size()][3];
        AudioEncoderBench.stack(chunks, rule.withPhases(1)); // warm-up
        for (int round = 0; round < 3; round++) {
            for (int v = 0; v < variants.size(); v++) {
                cpu[v][round] = AudioEncoderBench.stack(chunks, variants.get(v))[1];
            }
        }
        out.printf(Locale.ROOT, "%nCost: whole audio encoder stack (Silero VAD, mel, embedding, %d heads) on one "
                + "thread, %.0f s of the corpus, CPU, median of 3 rounds:%n", AudioModels.wakeWordNames().size(),
                seconds);
        for (int v = 0; v < variants.size(); v++) {
            Arrays.sort(cpu[v]);
            int p = variants.get(v).phases();
            out.printf(Locale.ROOT, "  %d phase%s: CPU %.3f s = real-time factor %.4f%n", p,
                    p == 1 ? " (openWakeWord)" : String.format(Locale.ROOT, "s, gate %.3f (Attend)",
                            variants.get(v).phaseGate()) + (variants.get(v).verify() ? ", verifier" : ""),
                    cpu[v][1], cpu[v][1] / seconds);
        }
        out.flush();
    }

    private static List<AudioChunk> audio(Path work, int stackSeconds) throws IOException {
        Path first = work.resolve("fa").resolve("fa-000.wav");
        float[] pcm = Files.isRegularFile(first) ? WakeSpeech.readResampled(first) : new float[0];
        int n = Math.min(pcm.length, stackSeconds * 16000);
        if (n < 16000) {
            pcm = new float[stackSeconds * 16000];
            WakeSounds.addFloor(pcm, new Random(1));
            n = pcm.length;
        }
        List<AudioChunk> chunks = new ArrayList<>();
        for (int o = 0, i = 0; o + 1280 <= n; o += 1280, i++) {
            chunks.add(new AudioChunk(i, o / 16000.0, Arrays.copyOfRange(pcm, o, o + 1280), System.nanoTime()));
        }
        return chunks;
    }
}
