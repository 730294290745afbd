package dev.attend.training;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a running job reports, on the job's own thread (a UI hands it over to its thread). Loss and weight maps are
 * keyed by task name ({@code sync, addressee, intent, alignment, contrastive}) in that order.
 */
public interface TrainingListener {

    /** A stage of the job began or moved on: generating data, pre-training, fine-tuning, evaluating, recording. */
    record Progress(String phase, double fraction, double etaSeconds, String detail) {
    }

    /** One optimizer step: total objective, each task loss, each task's learned weight exp(−sᵢ). */
    record Step(String phase, int epoch, long step, long totalSteps, double total, Map<String, Double> losses,
                Map<String, Double> weights) {
    }

    /** An epoch finished: its eval metrics on the held-out part (name → value). */
    record Epoch(String phase, int epoch, Map<String, Double> metrics) {
    }

    /**
     * The job ended.
     *
     * @param stopped true when the user stopped it (the last finished epoch is kept; resume continues from it)
     * @param model   the trained model folder (null when stopped before the end, and when a calibration measured
     *                worse than the shipped model on the held-back part: the model in use stays, see
     *                {@link TrainingService#keepCalibrated})
     * @param before  calibration: metrics of the shipped model on the held-back part (else empty)
     * @param after   calibration: the same metrics after fine-tuning (else the last epoch's)
     */
    record Result(boolean stopped, Path model, Map<String, Double> before, Map<String, Double> after) {
    }

    void progress(Progress p);

    void step(Step s);

    void epoch(Epoch e);

    void finished(Result r);

    /** The job failed; the message says what went wrong and what to do. */
    void failed(Throwable error);
}
