/**
 * The data the fusion transformer learns from: intent phrases, espeak-ng speech with exact word times, a synthetic
 * talking face from real photos, the precomputed encoder tokens and their documented on-disk format
 * (docs/fusion.md). Uses the project's encoders (audioenc, vision, text) and external espeak-ng.
 */
package dev.attend.fusion.data;
