package dev.attend.fusion.workbench;

import dev.attend.fusion.data.FusionDataset;
import dev.attend.fusion.live.BundledFusionModel;
import dev.attend.fusion.model.FusionModel;
import dev.attend.training.TrainingListener;
import dev.attend.training.TrainingRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Calibration: the recording becomes training and held-back folders; the shipped checkpoint is measured on the
 * held-back part, fine-tuned on the rest (all tasks: sync and contrastive self-supervised from the user's own
 * face and voice, the prompts' intents as labels), measured again, and saved as the user checkpoint when it is
 * {@linkplain #notWorse not worse}; otherwise the model in use stays and the tuned one waits as a candidate that the
 * user may still choose with the numbers shown.
 *
 * <p>"After" is measured on the parameters read back from the run's saved model, i.e. exactly the weights that
 * become the user checkpoint; the table leads with the sync head's confidence, which moves before a decision flips.
 * The rate: lr 10⁻³ (session 4) made the 12-prompt synthetic recording of {@code WorkbenchTest} worse on the
 * held-back prompts (sync accuracy 0.667 → 0.583, intent from audio 1.0 → 0.75: a few prompts over-fitted);
 * 3·10⁻⁴ left it not worse (addressee AUC 0.75 → 0.78, accuracy 0.67 → 0.75, the rest equal within 0.001).
 */
final class Calibration implements Runnable {

    static final int EPOCHS = 8;
    static final float LEARNING_RATE = 3e-4f;
    /** The most any one held-back metric may fall for the tuned model to be kept without asking. */
    static final double MAX_DROP = 0.05;
    private final TokenRecording.Tokens recording;
    private final Path work;
    private final Path userDir;
    private final int threads;
    private final TrainingListener l;
    private final JobControl control;

    Calibration(TokenRecording.Tokens recording, Path work, Path userDir, int threads, TrainingListener l,
                JobControl control) {
        this.recording = recording;
        this.work = work;
        this.userDir = userDir;
        this.threads = threads;
        this.l = l;
        this.control = control;
    }

    @Override
    public void run() {
        try {
            l.progress(new TrainingListener.Progress("preparing", 0, Double.NaN, ""));
            Path base = work.resolve("base");
            Map<String, Double> before;
            CalibrationSet.Folders f;
            dev.attend.fusion.model.FusionConfig cfg;
            try (FusionModel shipped = BundledFusionModel.load()) {
                cfg = shipped.config();
                shipped.save(base);
                f = CalibrationSet.write(recording, Prompts.ALL, shipped.config(), work);
                control.checkpoint();
                before = Metrics.of(shipped, FusionDataset.load(f.heldBack()));
            }
            FusionDataset held = FusionDataset.load(f.heldBack());
            int batch = Math.max(2, Math.min(4, f.trainPrompts() / 2));
            Path run = work.resolve("run");
            TrainingRequest req = new TrainingRequest(f.train(), 0, null, 0, EPOCHS, 64, batch, LEARNING_RATE, threads,
                    run, false);
            new WatchedTraining(req, l, control, null).train(f.train(), held, cfg, base);
            Map<String, Double> after;
            try (FusionModel tuned = FusionModel.load(run)) {
                after = Metrics.of(tuned, held);
            }
            Path candidate = candidateDir(userDir);
            deleteTree(candidate);
            Files.createDirectories(candidate);
            for (String name : new String[] {FusionModel.CONFIG_FILE, FusionModel.PARAMS_FILE}) {
                Files.copy(run.resolve(name), candidate.resolve(name));
            }
            // never leave the user worse off: a tuned model that measures worse stays a candidate the user may
            // still choose (TrainingService.keepCalibrated), the model in use stays
            boolean keep = notWorse(before, after);
            if (keep) {
                adopt(candidate, userDir);
            }
            control.done();
            l.finished(new TrainingListener.Result(false, keep ? userDir : null, before, after));
        } catch (JobControl.Stopped s) {
            control.done();
            l.finished(new TrainingListener.Result(true, null, Map.of(), Map.of()));
        } catch (Throwable t) {
            control.done();
            l.failed(Failures.explain(t));
        } finally {
            try {
                deleteTree(work);
            } catch (IOException e) {
                org.slf4j.LoggerFactory.getLogger(Calibration.class).warn("could not remove {}: {}", work, e.toString());
            }
        }
    }

    /**
     * Whether the tuned model is not worse than the shipped one on the held-back part: the metrics both have
     * (all are "higher is better", 0..1) do not fall on average, and none falls by more than {@link #MAX_DROP}.
     */
    static boolean notWorse(Map<String, Double> before, Map<String, Double> after) {
        double sum = 0;
        int n = 0;
        for (Map.Entry<String, Double> e : before.entrySet()) {
            Double a = after.get(e.getKey());
            if (a == null) {
                continue;
            }
            double d = a - e.getValue();
            if (d < -MAX_DROP) {
                return false;
            }
            sum += d;
            n++;
        }
        return n > 0 && sum >= 0;
    }

    /** Where a calibrated model waits when it was not kept by itself. */
    static Path candidateDir(Path userDir) {
        return userDir.resolveSibling(userDir.getFileName() + ".candidate");
    }

    /** Replaces the user checkpoint with the candidate (one rename, so live fusion never sees half a model). */
    static void adopt(Path candidate, Path userDir) throws IOException {
        Path old = userDir.resolveSibling(userDir.getFileName() + ".old");
        deleteTree(old);
        if (Files.exists(userDir)) {
            Files.move(userDir, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(candidate, userDir, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
