package dev.attend.encoders.audio.wake;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.attend.encoders.audio.AudioModels;
import dev.attend.onnx.OnnxNet;
import dev.attend.encoders.audio.features.AudioToken;
import java.io.IOException;

/** An openWakeWord head: the last 16 speech embeddings [1,16,96] → a score in [0, 1]. */
public final class WakeWordModel implements AutoCloseable {

    private final String name;
    private final OnnxNet net;

    public WakeWordModel(String name, OnnxNet net) {
        this.name = name;
        this.net = net;
    }

    /** Loads the bundled, SHA-256-verified model called {@code name} (e.g. {@code hey_jarvis}). */
    public static WakeWordModel load(String name) throws IOException {
        return new WakeWordModel(name, OnnxNet.load(AudioModels.wakeWord(name)));
    }

    public String name() {
        return name;
    }

    /** @param window {@link AudioModels#WAKE_WINDOW}×96 embeddings, oldest first, flattened */
    public float score(float[] window) {
        if (window.length != AudioModels.WAKE_WINDOW * AudioToken.DIM) {
            throw new IllegalArgumentException("wake model needs 16x96 values, got " + window.length);
        }
        try (NDManager m = net.newCallManager()) {
            // the heads' input names differ (x.1, onnx::Flatten_0): one input, fed by position
            NDList in = new NDList(m.create(window, new Shape(1, AudioModels.WAKE_WINDOW, AudioToken.DIM)));
            return net.run(in).get(0).toFloatArray()[0];
        }
    }

    @Override
    public void close() {
        net.close();
    }
}
