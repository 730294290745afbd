/**
 * Finding, downloading (resumable, MD5-checked), importing, removing and choosing Vosk models; the model
 * catalog. Uses config, concurrent.
 */
package dev.attend.asr.models;
