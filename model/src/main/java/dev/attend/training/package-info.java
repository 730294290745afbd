/**
 * The port between the app's training back end (the fusion trainer, calibration) and the UI that watches it:
 * requests, progress records, job control. Headless: plain Java, no engine or JavaFX types.
 */
package dev.attend.training;
