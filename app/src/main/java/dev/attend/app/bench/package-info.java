/**
 * Benchmarks behind {@code attend bench}: timed runs of the encoders, recognizer, text model and pipeline,
 * reported in docs/performance.md. Use model only.
 */
package dev.attend.app.bench;
