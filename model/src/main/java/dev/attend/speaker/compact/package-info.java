/**
 * The compact speaker vector: cepstral statistics of an utterance's own audio, computed in plain Java, mapped
 * linearly into vosk-model-spk-0.4's x-vector space (weights distilled from libvosk's vectors, shipped as data).
 * JDK, {@code dev.attend.audio} (FFT) and {@code dev.attend.models} (SHA-256) only.
 */
package dev.attend.speaker.compact;
