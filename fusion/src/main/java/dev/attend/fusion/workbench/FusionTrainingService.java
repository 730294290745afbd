package dev.attend.fusion.workbench;

import dev.attend.concurrent.TaskExecutor;
import dev.attend.fusion.model.FusionModel;
import dev.attend.training.CalibrationPrompt;
import dev.attend.training.CalibrationRecorder;
import dev.attend.training.RecordingInput;
import dev.attend.training.TrainingJob;
import dev.attend.training.TrainingListener;
import dev.attend.training.TrainingRequest;
import dev.attend.training.TrainingService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@link TrainingService} over the fusion trainer. Jobs run on the app's executor, one at a time (one gradient
 * collector per JVM); the user checkpoint lives in {@code <data dir>/fusion-user}.
 */
public final class FusionTrainingService implements TrainingService {

    /** The user's calibrated model folder under the data dir. */
    public static final String USER_DIR = "fusion-user";
    private final TaskExecutor executor;
    private final Path dataDir;
    private final int threads;
    private JobControl running;

    /**
     * @param dataDir the app's data folder (user checkpoint, calibration work)
     * @param threads libtorch threads for jobs (1 keeps the UI smooth on small machines)
     */
    public FusionTrainingService(TaskExecutor executor, Path dataDir, int threads) {
        this.executor = executor;
        this.dataDir = dataDir;
        this.threads = threads;
    }

    /** The user checkpoint folder of a data dir if it holds a model, for live fusion. */
    public static Optional<Path> userCheckpoint(Path dataDir) {
        Path d = dataDir.resolve(USER_DIR);
        return Files.isRegularFile(d.resolve(FusionModel.PARAMS_FILE)) && Files.isRegularFile(d.resolve(FusionModel.CONFIG_FILE))
                ? Optional.of(d) : Optional.empty();
    }

    @Override
    public synchronized TrainingJob train(TrainingRequest request, TrainingListener listener) {
        JobControl c = claim();
        pinThreads(request.threads());
        executor.execute(new WatchedTraining(request, listener, c, "espeak-ng"));
        return c;
    }

    @Override
    public List<CalibrationPrompt> calibrationPrompts() {
        return Prompts.ALL;
    }

    @Override
    public CalibrationRecorder record(RecordingInput input) throws Exception {
        return TokenRecording.start(input, Prompts.ALL.size());
    }

    @Override
    public synchronized TrainingJob calibrate(CalibrationRecorder.Recording recording, TrainingListener listener) {
        if (!(recording instanceof TokenRecording.Tokens tokens)) {
            throw new IllegalArgumentException("not a recording of this service");
        }
        JobControl c = claim();
        pinThreads(threads);
        Path work = dataDir.resolve("calibration-work");
        executor.execute(new Calibration(tokens, work, dataDir.resolve(USER_DIR), threads, listener, c));
        return c;
    }

    private JobControl claim() {
        if (running != null && !running.isDone()) {
            throw new IllegalStateException("a training job is still running: stop it first");
        }
        running = new JobControl();
        return running;
    }

    /** libtorch reads its thread count once, when the engine loads. */
    private static void pinThreads(int n) {
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(n));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
    }

    @Override
    public Optional<Path> userCheckpoint() {
        return userCheckpoint(dataDir);
    }

    @Override
    public synchronized void keepCalibrated() throws IOException {
        Path user = dataDir.resolve(USER_DIR);
        Path candidate = Calibration.candidateDir(user);
        if (!Files.isRegularFile(candidate.resolve(FusionModel.PARAMS_FILE))) {
            throw new IllegalStateException("there is no calibrated model to keep: calibrate first");
        }
        Calibration.adopt(candidate, user);
    }

    @Override
    public void resetUserCheckpoint() throws IOException {
        Calibration.deleteTree(dataDir.resolve(USER_DIR));
        Calibration.deleteTree(Calibration.candidateDir(dataDir.resolve(USER_DIR)));
    }
}
