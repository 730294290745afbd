/**
 * Spoken replies: one {@link dev.attend.assistant.speech.SpeechSynthesizer} interface, text rendered to audio by
 * espeak-ng, SAPI or {@code say} and played through Java Sound (so the app knows exactly when it speaks).
 */
package dev.attend.assistant.speech;
