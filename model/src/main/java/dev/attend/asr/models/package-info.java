/**
 * Finding, downloading (resumable, SHA-256- or MD5-checked), importing, removing and choosing Vosk models; the model
 * catalog. Uses config, concurrent.
 */
package dev.attend.asr.models;
