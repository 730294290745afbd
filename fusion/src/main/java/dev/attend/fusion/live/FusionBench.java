package dev.attend.fusion.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attend.fusion.model.FusionConfig;
import dev.attend.fusion.model.FusionModel;
import dev.attend.fusion.train.FusionTrainer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Streaming benchmark: a synthetic token stream (audio every 80 ms, a face, a transcript of 6 words) through the
 * window and the model for {@code steps} steps, copying out the watched maps every step; per-step wall time
 * percentiles and the resident set size over the run (flat = no leak).
 */
public final class FusionBench {

    private FusionBench() {
    }

    public static ObjectNode run(FusionModel model, int steps, int warmup, Set<String> watched) {
        FusionConfig cfg = model.config();
        Random r = new Random(1);
        StreamWindow w = new StreamWindow(cfg);
        float[] face = new float[16];
        for (int i = 0; i < face.length; i++) {
            face[i] = (float) r.nextGaussian() * 0.3f;
        }
        face[10] = 0.4f;
        long[] nanos = new long[steps];
        long[] cpu = new long[steps];
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long rssAfterWarmup = 0;
        long[] rssAt = new long[10];
        int attentionEvents = 0;
        try (FusionRunner runner = new FusionRunner(model)) {
            for (int s = -warmup; s < steps; s++) {
                double t = (s + warmup) * FusionConfig.TOKEN_SECONDS + 0.072;
                float[] a = new float[FusionConfig.AUDIO_DIM];
                for (int i = 0; i < a.length; i++) {
                    a[i] = (float) r.nextGaussian();
                }
                if ((s + warmup) % 25 == 0) {
                    float[][] vec = new float[6][FusionConfig.TEXT_DIM];
                    List<StreamWindow.Word> words = new java.util.ArrayList<>();
                    for (int k = 0; k < 6; k++) {
                        vec[k][k] = 1f;
                        words.add(new StreamWindow.Word(t - 2.0 + 0.3 * k, vec[k], "w" + k));
                    }
                    w.setWords(words);
                }
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                w.addVideo(t - 0.02, 1, face);
                w.addAudio(t, a);
                FusionRunner.Result res = runner.step(w, watched);
                long dt = System.nanoTime() - t0;
                if (s >= 0) {
                    nanos[s] = dt;
                    cpu[s] = threads.getCurrentThreadCpuTime() - c0;
                    attentionEvents += res.attention().size();
                    if (s == 0) {
                        rssAfterWarmup = FusionTrainer.rssMb();
                    }
                    if ((s + 1) % Math.max(1, steps / 10) == 0) {
                        rssAt[Math.min(9, (s + 1) / Math.max(1, steps / 10) - 1)] = FusionTrainer.rssMb();
                    }
                }
            }
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        long[] cpuSorted = cpu.clone();
        Arrays.sort(cpuSorted);
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("steps", steps);
        o.put("watchedMaps", watched.size());
        o.put("attentionEventsPerStep", steps == 0 ? 0 : attentionEvents / (double) steps);
        o.put("p50Ms", ms(sorted[(int) Math.min(steps - 1, Math.ceil(0.50 * steps) - 1)]));
        o.put("p95Ms", ms(sorted[(int) Math.min(steps - 1, Math.ceil(0.95 * steps) - 1)]));
        o.put("maxMs", ms(sorted[steps - 1]));
        // CPU time of the stepping thread (libtorch runs its single intra-op thread there): what the step costs
        // when the machine is shared and wall time mostly measures waiting for a core
        o.put("cpuP50Ms", ms(cpuSorted[(int) Math.min(steps - 1, Math.ceil(0.50 * steps) - 1)]));
        o.put("cpuP95Ms", ms(cpuSorted[(int) Math.min(steps - 1, Math.ceil(0.95 * steps) - 1)]));
        o.put("loadAverage", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        o.put("rssMbAfterWarmup", rssAfterWarmup);
        var series = o.putArray("rssMbEveryTenth");
        for (long v : rssAt) {
            series.add(v);
        }
        o.put("threads", Integer.getInteger("ai.djl.pytorch.num_threads", -1));
        return o;
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 1e4) / 100.0;
    }
}
