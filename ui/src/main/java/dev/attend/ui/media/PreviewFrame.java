package dev.attend.ui.media;

/**
 * A video frame scaled for display: {@code argb} is {@code width×height}; {@code sourceWidth/Height} are the
 * pipeline frame's size (the pixel space of face boxes).
 */
public record PreviewFrame(double t, long seq, int width, int height, int[] argb, int sourceWidth,
                           int sourceHeight) {
}
