/**
 * The shared speech front end: log-mel frames and 96-d speech embeddings (one audio token per 80 ms) for the
 * wake-word heads and the token bus.
 */
package dev.attend.encoders.audio.features;
