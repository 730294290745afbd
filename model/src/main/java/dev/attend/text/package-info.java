/**
 * The MiniLM text encoder (tokenizer, ONNX graph with attention outputs) and its event stage: attention maps and
 * text tokens of each final transcript.
 */
package dev.attend.text;
