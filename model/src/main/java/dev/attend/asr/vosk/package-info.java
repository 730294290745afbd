/**
 * The Vosk (libvosk) recognizer, its model folder checks and cache, and the parser of its JSON results.
 */
package dev.attend.asr.vosk;
