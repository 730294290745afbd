package dev.attend.encoders.audio.features;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.attend.encoders.audio.AudioModels;
import dev.attend.onnx.OnnxNet;
import java.io.IOException;

/** Google's speech embedding: 76 scaled log-mel frames → one 96-d vector. */
public final class SpeechEmbedding implements AutoCloseable {

    private final OnnxNet net;

    public SpeechEmbedding(OnnxNet net) {
        this.net = net;
    }

    public static SpeechEmbedding load() throws IOException {
        return new SpeechEmbedding(OnnxNet.load(AudioModels.SPEECH_EMBEDDING));
    }

    /**
     * @param window {@link AudioToken#WINDOW_FRAMES}×32 frames, flattened frame by frame
     * @return 96 floats
     */
    public float[] embed(float[] window) {
        if (window.length != AudioToken.WINDOW_FRAMES * MelFrame.BINS) {
            throw new IllegalArgumentException("speech embedding needs 76x32 mel values, got " + window.length);
        }
        try (NDManager m = net.newCallManager()) {
            NDList in = new NDList(m.create(window, new Shape(1, AudioToken.WINDOW_FRAMES, MelFrame.BINS, 1)));
            in.get(0).setName("input_1");
            return net.run(in).get(0).toFloatArray();
        }
    }

    @Override
    public void close() {
        net.close();
    }
}
