/**
 * openWakeWord heads over the speech embeddings: scoring, patience and refractory decisions, {@code wake}
 * events.
 */
package dev.attend.encoders.audio.wake;
