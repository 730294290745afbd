/**
 * Audio in: WAV files, microphones, PCM decoding, the resampler to 16 kHz, the FFT and the level meter stage.
 */
package dev.attend.audio;
