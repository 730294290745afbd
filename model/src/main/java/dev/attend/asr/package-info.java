/**
 * Speech recognition as a pipeline stage (partial and final transcripts with word times) and its session
 * feature; recognizers live in {@code asr.vosk}.
 */
package dev.attend.asr;
