package dev.attend.ui.training;

import dev.attend.training.CalibrationPrompt;
import dev.attend.training.CalibrationRecorder;
import dev.attend.training.RecordingInput;
import dev.attend.training.TrainingListener;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Calibrate on yourself": records the user reading the prompts (one per {@link CalibrationPrompt#SLOT_SECONDS}-s
 * slot, the shown prompt following the recording's clock), then fine-tunes the shipped model on it through the
 * training view-model (so its curves show too) and lists the before/after metrics of the held-back prompts.
 */
public final class CalibrationViewModel {

    /** One line of the before/after table. */
    public record MetricRow(String metric, double before, double after) {
    }

    private final TrainingViewModel training;
    private final List<CalibrationPrompt> prompts;
    private final IntegerProperty prompt = new SimpleIntegerProperty(-1);
    private final DoubleProperty slot = new SimpleDoubleProperty(0);
    private final BooleanProperty recording = new SimpleBooleanProperty();
    private final BooleanProperty calibrated = new SimpleBooleanProperty();
    private final BooleanProperty candidate = new SimpleBooleanProperty(); // a tuned model that measured worse
    private final StringProperty status = new SimpleStringProperty("");
    private final ObservableList<MetricRow> results = FXCollections.observableArrayList();
    private CalibrationRecorder recorder;

    public CalibrationViewModel(TrainingViewModel training) {
        this.training = training;
        this.prompts = training.service().calibrationPrompts();
        calibrated.set(training.service().userCheckpoint().isPresent());
        status.set(training.i18n().get(calibrated.get() ? "calibration.usingUser" : "calibration.usingShipped"));
    }

    /** Records from the microphone and camera, then fine-tunes. */
    public void recordLive(String mic, String camera) {
        record(RecordingInput.live(mic, camera));
    }

    /** Uses recording files in the slot layout, then fine-tunes. */
    public void recordFiles(java.nio.file.Path audio, java.nio.file.Path video) {
        record(RecordingInput.files(audio, video));
    }

    private void record(RecordingInput in) {
        if (recording.get() || training.isActive()) {
            return;
        }
        results.clear();
        recording.set(true);
        status.set(training.i18n().get("calibration.opening"));
        training.tasks().run(() -> training.service().record(in), r -> {
            recorder = r;
            status.set(training.i18n().get("calibration.read"));
            poll();
        }, e -> {
            recording.set(false);
            fail(e);
        });
    }

    private void poll() {
        if (recorder == null) {
            return;
        }
        double s = recorder.seconds();
        int i = (int) Math.floor(s / CalibrationPrompt.SLOT_SECONDS);
        prompt.set(Math.min(i, prompts.size() - 1));
        slot.set(s / CalibrationPrompt.SLOT_SECONDS - i);
        if (recorder.isEnded() || i >= prompts.size()) {
            finishRecording();
        } else {
            training.tasks().later(100, this::poll);
        }
    }

    /** Ends the recording now (the prompts recorded so far count) and fine-tunes. */
    public void finishRecording() {
        CalibrationRecorder r = recorder;
        if (r == null) {
            return;
        }
        recorder = null;
        status.set(training.i18n().get("calibration.finishing"));
        training.tasks().run(r::finish, rec -> {
            recording.set(false);
            prompt.set(-1);
            status.set(training.i18n().get("calibration.recorded", rec.promptsCovered(), prompts.size()));
            training.launchWith(l -> training.service().calibrate(rec, l), this::done);
        }, e -> {
            recording.set(false);
            r.close();
            fail(e);
        });
    }

    /** Throws the recording away. */
    public void cancelRecording() {
        CalibrationRecorder r = recorder;
        recorder = null;
        recording.set(false);
        prompt.set(-1);
        if (r != null) {
            training.tasks().run(() -> {
                r.close();
                return null;
            }, x -> { }, this::fail);
        }
    }

    private void done(TrainingListener.Result r) {
        if (r.stopped()) {
            return;
        }
        List<MetricRow> rows = new java.util.ArrayList<>();
        for (Map.Entry<String, Double> e : r.before().entrySet()) {
            Double after = r.after().get(e.getKey());
            rows.add(new MetricRow(e.getKey(), e.getValue(), after == null ? Double.NaN : after));
        }
        results.setAll(rows);
        if (r.model() == null) {
            // worse on the held-back prompts than the shipped model: the model in use stays unless the user asks
            candidate.set(true);
            status.set(training.i18n().get("calibration.notKept"));
            training.notices().info(training.i18n().get("calibration.notKept"));
            return;
        }
        candidate.set(false);
        calibrated.set(true);
        status.set(training.i18n().get("calibration.saved"));
        training.notices().success(training.i18n().get("calibration.saved"));
    }

    /** Uses the calibrated model that measured worse all the same (the user read the numbers and chose it). */
    public void keepAnyway() {
        training.tasks().run(() -> {
            training.service().keepCalibrated();
            return null;
        }, x -> {
            candidate.set(false);
            calibrated.set(true);
            status.set(training.i18n().get("calibration.saved"));
        }, this::fail);
    }

    /** True while a calibrated model that measured worse waits for the user's choice. */
    public BooleanProperty candidateProperty() {
        return candidate;
    }

    /** Back to the shipped model. */
    public void reset() {
        training.tasks().run(() -> {
            training.service().resetUserCheckpoint();
            return null;
        }, x -> {
            calibrated.set(false);
            candidate.set(false);
            status.set(training.i18n().get("calibration.usingShipped"));
        }, this::fail);
    }

    private void fail(Throwable e) {
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        status.set(training.i18n().get("calibration.failed", msg));
        training.notices().error(training.i18n().get("calibration.failed", msg), e);
    }

    public List<CalibrationPrompt> prompts() {
        return prompts;
    }

    public IntegerProperty promptProperty() {
        return prompt;
    }

    public DoubleProperty slotProperty() {
        return slot;
    }

    public BooleanProperty recordingProperty() {
        return recording;
    }

    public BooleanProperty calibratedProperty() {
        return calibrated;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObservableList<MetricRow> results() {
        return results;
    }
}
