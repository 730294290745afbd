/**
 * The attention event stage: MiniLM attention maps and text tokens for each final transcript, timed on the media
 * clock, and the session feature that adds it to a pipeline.
 */
package dev.attend.attention;
