package dev.attend.training;

import java.nio.file.Path;
import java.util.List;

/** Port: the app's training back end. Jobs run off the caller's thread and report to their listener. */
public interface TrainingService {

    /** Starts (or resumes) a training run. */
    TrainingJob train(TrainingRequest request, TrainingListener listener);

    /** The sentences calibration asks the user to read, in order. */
    List<CalibrationPrompt> calibrationPrompts();

    /**
     * Starts recording for calibration.
     *
     * @throws Exception when the devices or the files cannot be opened (message says which)
     */
    CalibrationRecorder record(RecordingInput input) throws Exception;

    /** Fine-tunes the shipped model on a recording; before/after metrics on its held-back prompts. */
    TrainingJob calibrate(CalibrationRecorder.Recording recording, TrainingListener listener);

    /** The user's calibrated model folder, if one exists (live fusion uses it). */
    java.util.Optional<Path> userCheckpoint();

    /**
     * Makes the last calibration's model the user checkpoint although it measured worse on the held-back part than
     * the model in use (the user chose it, with the numbers shown); a calibration that was not worse is kept by itself.
     */
    default void keepCalibrated() throws java.io.IOException {
        throw new IllegalStateException("there is no calibrated model to keep: calibrate first");
    }

    /** Deletes the user's calibrated model: live fusion goes back to the shipped one. */
    void resetUserCheckpoint() throws java.io.IOException;

    /** For builds without the fusion module: every call fails with a clear message. */
    static TrainingService unavailable() {
        return new TrainingService() {
            private UnsupportedOperationException no() {
                return new UnsupportedOperationException("training is not available in this build");
            }

            @Override
            public TrainingJob train(TrainingRequest request, TrainingListener listener) {
                throw no();
            }

            @Override
            public List<CalibrationPrompt> calibrationPrompts() {
                return List.of();
            }

            @Override
            public CalibrationRecorder record(RecordingInput input) {
                throw no();
            }

            @Override
            public TrainingJob calibrate(CalibrationRecorder.Recording recording, TrainingListener listener) {
                throw no();
            }

            @Override
            public java.util.Optional<Path> userCheckpoint() {
                return java.util.Optional.empty();
            }

            @Override
            public void resetUserCheckpoint() {
            }
        };
    }
}
