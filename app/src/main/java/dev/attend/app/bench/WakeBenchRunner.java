package dev.attend.app.bench;

import dev.attend.encoders.audio.AudioModels;
import dev.attend.encoders.audio.features.MelSpectrogram;
import dev.attend.encoders.audio.features.SpeechEmbedding;
import dev.attend.encoders.audio.features.SpeechFeatureExtractor;
import dev.attend.encoders.audio.features.SpeechFeatureListener;
import dev.attend.encoders.audio.features.TokenBlock;
import dev.attend.encoders.audio.wake.PhaseScores;
import dev.attend.encoders.audio.wake.WakeDecider;
import dev.attend.encoders.audio.wake.WakeOptions;
import dev.attend.encoders.audio.wake.WakeScorer;
import dev.attend.encoders.audio.wake.WakeWordModel;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs audio through Attend's wake-word front end and every bundled head once, scoring both ways at the same time:
 * openWakeWord's single phase (phase 0 of the same token stream, which is openWakeWord's own) and Attend's
 * phase-robust best-of-phases, each through its own {@link WakeDecider}. The same classes as the wake-word stage;
 * models loaded once for many clips.
 */
final class WakeBenchRunner implements AutoCloseable {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /** What one model did on one piece of audio. */
    static final class ModelResult {
        final List<WakeDecider.Detection> single = new ArrayList<>();
        final List<WakeDecider.Detection> robust = new ArrayList<>();
        /** Highest score per phase. */
        final float[] peak;
        /** Phase that gave the highest best-of-phases score. */
        int peakPhase = -1;

        ModelResult(int phases) {
            peak = new float[phases];
        }
    }

    /** Every model's result, and the thread's CPU seconds for it. */
    record Result(Map<String, ModelResult> models, double cpuSeconds, long embeddingCalls, long blocks) {
    }

    private final MelSpectrogram mel;
    private final SpeechEmbedding embedding;
    private final Map<String, WakeWordModel> nets = new LinkedHashMap<>();
    private final WakeOptions options;
    private final List<float[]> primer;

    WakeBenchRunner(WakeOptions options) throws IOException {
        this.options = options;
        this.mel = MelSpectrogram.load();
        this.embedding = SpeechEmbedding.load();
        for (String name : AudioModels.wakeWordNames()) {
            nets.put(name, WakeWordModel.load(name));
        }
        this.primer = new SpeechFeatureExtractor(mel, embedding, new SpeechFeatureListener() { })
                .primer(AudioModels.WAKE_WINDOW);
    }

    /** Scores 16 kHz samples in [-1, 1], fed in the pipeline's 80 ms chunks. */
    Result run(float[] pcm) {
        int phases = options.phases();
        Map<String, ModelResult> results = new LinkedHashMap<>();
        Map<String, WakeScorer> scorers = new LinkedHashMap<>();
        Map<String, WakeDecider[]> deciders = new LinkedHashMap<>();
        for (var e : nets.entrySet()) {
            WakeScorer s = new WakeScorer(e.getValue(), options);
            s.prime(primer);
            scorers.put(e.getKey(), s);
            deciders.put(e.getKey(), new WakeDecider[] {new WakeDecider(options), new WakeDecider(options)});
            results.put(e.getKey(), new ModelResult(phases));
        }
        float[] best = new float[nets.size()];
        SpeechFeatureExtractor x = new SpeechFeatureExtractor(mel, embedding, new SpeechFeatureListener() {
            @Override
            public void onBlock(TokenBlock block) {
                int m = 0;
                for (var e : scorers.entrySet()) {
                    PhaseScores s = e.getValue().score(block);
                    ModelResult r = results.get(e.getKey());
                    WakeDecider[] d = deciders.get(e.getKey());
                    int b = s.best();
                    if (b >= 0) {
                        for (int p = 0; p < s.score().length; p++) {
                            if (!Float.isNaN(s.score()[p])) {
                                r.peak[p] = Math.max(r.peak[p], s.score()[p]);
                            }
                        }
                        if (s.score()[b] > best[m]) {
                            best[m] = s.score()[b];
                            r.peakPhase = b;
                        }
                        add(r.robust, d[1].accept(s.t()[b], s.score()[b]));
                        if (!Float.isNaN(s.score()[0])) {
                            add(r.single, d[0].accept(s.t()[0], s.score()[0]));
                        }
                    }
                    m++;
                }
            }
        }, phases);
        long cpu0 = CPU.getCurrentThreadCpuTime();
        int chunk = SpeechFeatureExtractor.BLOCK;
        float[] buf = new float[chunk];
        for (int o = 0; o + chunk <= pcm.length; o += chunk) {
            System.arraycopy(pcm, o, buf, 0, chunk);
            x.accept(o / 16000.0, buf);
        }
        for (var e : deciders.entrySet()) {
            add(results.get(e.getKey()).single, e.getValue()[0].finish());
            add(results.get(e.getKey()).robust, e.getValue()[1].finish());
        }
        return new Result(results, (CPU.getCurrentThreadCpuTime() - cpu0) / 1e9, x.embeddingCalls(), x.tokens());
    }

    private static void add(List<WakeDecider.Detection> list, WakeDecider.Detection d) {
        if (d != null) {
            list.add(d);
        }
    }

    @Override
    public void close() {
        nets.values().forEach(WakeWordModel::close);
        embedding.close();
        mel.close();
    }
}
