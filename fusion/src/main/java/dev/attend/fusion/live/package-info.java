/**
 * The fusion transformer at run time: the bundled checkpoint, the streaming window over the token streams, the
 * fusion stage with its {@code fusion} and {@code attention} events, and the intent/addressee API for the
 * assistant. Uses the fusion model package, the encoders' token types and the pipeline.
 */
package dev.attend.fusion.live;
