/**
 * Media previews: the camera view with faces, the waveform and log-mel strip, and the preview stages feeding
 * them.
 */
package dev.attend.ui.media;
