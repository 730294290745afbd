/**
 * openWakeWord heads over the speech embeddings: scoring, patience and refractory decisions, the per-model
 * second-stage verifiers (bundled weights), {@code wake} events.
 */
package dev.attend.encoders.audio.wake;
