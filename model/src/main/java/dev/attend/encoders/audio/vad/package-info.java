/**
 * Silero voice activity detection as a stage emitting {@code vad} events (start/end with hysteresis and
 * padding).
 */
package dev.attend.encoders.audio.vad;
