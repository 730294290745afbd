/**
 * The Training window: watch the fusion model train (loss curves, learned task weights, eval metrics per epoch,
 * pause/stop/resume, ETA) and calibrate it on yourself. Uses the model module's training port and the UI's bridge.
 */
package dev.attend.ui.training;
