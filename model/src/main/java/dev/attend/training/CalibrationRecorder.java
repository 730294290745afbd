package dev.attend.training;

/** A calibration recording in progress (microphone + camera, or a file in the slot layout). */
public interface CalibrationRecorder extends AutoCloseable {

    /** Media seconds recorded so far (drives which prompt is shown). */
    double seconds();

    /** True once the media has ended by itself (a file) or after {@link #finish}. */
    boolean isEnded();

    /** Stops recording and returns what was captured. */
    Recording finish() throws Exception;

    /** Discards the recording. */
    @Override
    void close();

    /** A finished recording: an opaque handle for {@link TrainingService#calibrate}. */
    interface Recording {
        double seconds();

        /** Prompts whose slot is fully recorded. */
        int promptsCovered();
    }
}
