/**
 * The MiniLM text encoder: tokenizer, the ONNX graph rewritten to export attention, sentence embeddings and text
 * similarity. Headless; the event stage that uses it lives in {@code dev.attend.attention}.
 */
package dev.attend.encoders.text;
