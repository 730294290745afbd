package dev.attend.ui.media;

/** One 10 ms display column: media time, waveform min/max and log-mel energies (dB) of the window around it. */
public record AudioColumn(double t, float min, float max, float[] melDb) {
}
