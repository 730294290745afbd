package dev.attend.fusion.workbench;

import dev.attend.fusion.data.DataDefaults;
import dev.attend.fusion.data.FusionData;
import dev.attend.fusion.data.FusionDataGenerator;
import dev.attend.fusion.data.FusionDataset;
import dev.attend.fusion.model.FusionConfig;
import dev.attend.fusion.model.FusionModel;
import dev.attend.fusion.train.FusionLoss;
import dev.attend.fusion.train.FusionTrainer;
import dev.attend.fusion.train.TrainOptions;
import dev.attend.training.TrainingListener;
import dev.attend.training.TrainingRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One training run as the Training view sees it: data generated into the run folder if asked (training voices
 * and faces, plus a small held-out set of other voices and faces for the per-epoch metrics), then the fusion
 * trainer, reporting every step (losses, learned weights, ETA) and every epoch (metrics) and obeying pause/stop.
 */
final class WatchedTraining implements Runnable {

    static final String DATA = "data";
    static final String HELD_OUT = "heldout";
    private static final int TRAIN_FACES = 8;
    private static final int HELD_OUT_FACES = 4;
    private final TrainingRequest r;
    private final TrainingListener l;
    private final JobControl control;
    private final String espeak;

    WatchedTraining(TrainingRequest r, TrainingListener l, JobControl control, String espeak) {
        this.r = r;
        this.l = l;
        this.control = control;
        this.espeak = espeak;
    }

    @Override
    public void run() {
        try {
            Files.createDirectories(r.out());
            Path data = r.dataFolder();
            Path heldOut;
            FusionConfig cfg = sized(r.dModel());
            if (data == null) {
                data = r.out().resolve(DATA);
                heldOut = r.out().resolve(HELD_OUT);
                List<String> voices = r.voices().isEmpty() ? DataDefaults.TRAIN_VOICES : r.voices();
                generate(data, voices, DataDefaults.trainFaces().subList(0, TRAIN_FACES + 1), 1, r.utterances(), cfg,
                        "generating", 0.8);
                generate(heldOut, DataDefaults.HELD_OUT_VOICES, DataDefaults.heldOutFaces().subList(0, HELD_OUT_FACES),
                        2, Math.max(6, r.utterances() / 5), cfg, "generating.heldout", 0.2);
            } else {
                Path sibling = data.resolveSibling(data.getFileName() + "-" + HELD_OUT);
                heldOut = Files.isRegularFile(sibling.resolve(FusionData.HEADER)) ? sibling : data;
            }
            Map<String, Double> last = train(data, FusionDataset.load(heldOut), cfg, null);
            control.done();
            l.finished(new TrainingListener.Result(false, r.out(), Map.of(), last));
        } catch (JobControl.Stopped s) {
            control.done();
            l.finished(new TrainingListener.Result(true, null, Map.of(), Map.of()));
        } catch (Throwable t) {
            control.done();
            l.failed(Failures.explain(t));
        }
    }

    /** d_model → the rest of the size: 2 heads under 32, else 4; 2 layers from 64 up. */
    static FusionConfig sized(int d) {
        FusionConfig def = FusionConfig.defaults();
        return new FusionConfig(d, d < 32 ? 2 : 4, d < 64 ? 1 : 2, 1, 2 * d, def.dropout(), def.audioTokens(),
                def.videoTokens(), def.textTokens(), def.intents());
    }

    private void generate(Path dir, List<String> voices, List<String> faces, long seed, int n, FusionConfig cfg,
                          String phase, double share) throws IOException {
        if (Files.isRegularFile(dir.resolve(FusionData.HEADER))
                && FusionDataset.load(dir).header().utterances() == n) {
            return; // a resumed run keeps its data
        }
        long t0 = System.nanoTime();
        new FusionDataGenerator(new FusionDataGenerator.Options(dir, voices, faces, seed, n, espeak, cfg))
                .run((done, total) -> {
                    control.checkpoint();
                    double s = (System.nanoTime() - t0) / 1e9;
                    l.progress(new TrainingListener.Progress(phase, done / (double) total,
                            s / done * (total - done), done + "/" + total));
                });
    }

    /**
     * Runs the trainer with the listener hooked in; returns the last epoch's metrics.
     *
     * @param from a model folder to fine-tune, or null for fresh weights
     */
    Map<String, Double> train(Path data, FusionDataset heldOut, FusionConfig cfg, Path from) throws IOException {
        TrainOptions o = new TrainOptions(data, r.out(), cfg, r.pretrainEpochs(), r.epochs(), 1, r.threads(), r.batch(),
                r.learningRate(), 0.1f, r.resume());
        List<Map<String, Double>> lastMetrics = new ArrayList<>(List.of(Map.of()));
        FusionTrainer trainer = new FusionTrainer(o);
        if (from != null) {
            trainer.startingFrom(from);
        }
        trainer.run(new FusionTrainer.Listener() {
            private float[] parts = new float[0];
            private float[] logVars = new float[0];
            private long firstStep = -1;
            private long t0;

            @Override
            public void losses(String phase, int epoch, long step, float[] p, float[] s) {
                parts = p.clone();
                logVars = s.clone();
            }

            @Override
            public void step(String phase, int epoch, long step, long totalSteps, float loss) {
                long now = System.nanoTime();
                if (firstStep < 0) {
                    firstStep = step;
                    t0 = now;
                }
                Map<String, Double> losses = new LinkedHashMap<>();
                Map<String, Double> weights = new LinkedHashMap<>();
                for (int i = 0; i < parts.length; i++) {
                    losses.put(FusionLoss.NAMES[i], (double) parts[i]);
                    weights.put(FusionLoss.NAMES[i], Math.exp(-logVars[i]));
                }
                l.step(new TrainingListener.Step(phase, epoch, step, totalSteps, loss, losses, weights));
                long done = step - firstStep + 1;
                double eta = done < 2 ? Double.NaN : (now - t0) / 1e9 / (done - 1) * (totalSteps - step);
                l.progress(new TrainingListener.Progress(phase, step / (double) totalSteps, eta,
                        step + "/" + totalSteps));
                long waited = System.nanoTime();
                control.checkpoint();
                t0 += System.nanoTime() - waited; // time spent paused does not count for the ETA
            }

            @Override
            public void epochEnd(String phase, int epoch, FusionModel model) {
                Map<String, Double> m = Metrics.of(model, heldOut);
                lastMetrics.set(0, m);
                l.epoch(new TrainingListener.Epoch(phase, epoch, m));
                control.checkpoint();
            }
        });
        return lastMetrics.get(0);
    }
}
