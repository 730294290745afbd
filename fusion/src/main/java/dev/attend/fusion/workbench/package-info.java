/**
 * Training you can watch: the app's {@link dev.attend.training.TrainingService} over the fusion trainer (generate
 * data, pre-train, fine-tune, eval per epoch, pause/stop/resume) and calibration on the user's own recording. Uses
 * the fusion model, data, train and eval packages and the model module's sessions and executor.
 */
package dev.attend.fusion.workbench;
