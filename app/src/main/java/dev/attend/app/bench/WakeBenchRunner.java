package dev.attend.app.bench;

import dev.attend.encoders.audio.AudioModels;
import dev.attend.encoders.audio.features.MelSpectrogram;
import dev.attend.encoders.audio.features.SpeechEmbedding;
import dev.attend.encoders.audio.features.SpeechFeatureExtractor;
import dev.attend.encoders.audio.features.SpeechFeatureListener;
import dev.attend.encoders.audio.features.TokenBlock;
import dev.attend.encoders.audio.wake.PhaseScores;
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
 * Runs audio through Attend's wake-word front end and every bundled head once and records every head's raw score of
 * every block phase ({@link WakeRawScores}); phase 0 is openWakeWord's own score. The same classes as the wake-word
 * stage; models loaded once for many clips.
 */
final class WakeBenchRunner implements AutoCloseable {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

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

    /** Every head's raw score of every block and phase of the samples (16 kHz, [-1, 1]), with the CPU it took. */
    WakeRawScores.Clip record(String label, float[] pcm) {
        return record(label, pcm, null);
    }

    /**
     * As {@link #record(String, float[])}, also adding to {@code windows} (when not null) every head's window
     * wherever a phase scored at least {@link WakeWindows#CAPTURE}.
     */
    WakeRawScores.Clip record(String label, float[] pcm, List<WakeWindows.Capture> windows) {
        return record(label, pcm, windows, WakeWindows.CAPTURE);
    }

    /** As {@link #record(String, float[], List)}, keeping windows wherever a phase scored at least {@code capture}. */
    WakeRawScores.Clip record(String label, float[] pcm, List<WakeWindows.Capture> windows, float capture) {
        int phases = options.phases();
        List<WakeScorer> scorers = new ArrayList<>();
        for (WakeWordModel net : nets.values()) {
            WakeScorer s = new WakeScorer(net, options);
            s.prime(primer);
            scorers.add(s);
        }
        int heads = scorers.size();
        List<double[]> times = new ArrayList<>();
        List<float[]> rows = new ArrayList<>();
        SpeechFeatureExtractor x = new SpeechFeatureExtractor(mel, embedding, new SpeechFeatureListener() {
            @Override
            public void onBlock(TokenBlock block) {
                float[] row = new float[phases * heads];
                java.util.Arrays.fill(row, Float.NaN);
                double t0 = Double.NaN;
                for (int h = 0; h < heads; h++) {
                    PhaseScores s = scorers.get(h).score(block);
                    for (int p = 0; p < s.score().length; p++) {
                        row[p * heads + h] = s.score()[p];
                        if (windows != null && s.score()[p] >= capture) {
                            windows.add(new WakeWindows.Capture(times.size(), h, p, s.score()[p],
                                    scorers.get(h).window(p)));
                        }
                    }
                    t0 = Double.isNaN(t0) ? s.t()[0] : t0;
                }
                times.add(new double[] {t0});
                rows.add(row);
            }
        }, phases);
        long cpu0 = CPU.getCurrentThreadCpuTime();
        int chunk = SpeechFeatureExtractor.BLOCK;
        float[] buf = new float[chunk];
        for (int o = 0; o + chunk <= pcm.length; o += chunk) {
            System.arraycopy(pcm, o, buf, 0, chunk);
            x.accept(o / 16000.0, buf);
        }
        double[] t0 = new double[times.size()];
        for (int b = 0; b < t0.length; b++) {
            t0[b] = times.get(b)[0];
        }
        return new WakeRawScores.Clip(label, t0, rows.toArray(new float[0][]),
                (CPU.getCurrentThreadCpuTime() - cpu0) / 1e9, x.embeddingCalls());
    }

    @Override
    public void close() {
        nets.values().forEach(WakeWordModel::close);
        embedding.close();
        mel.close();
    }
}
