package dev.attend.encoders.audio;

import dev.attend.models.BundledModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audio encoder models shipped in the resources jar, each pinned by SHA-256. Provenance, licences and the
 * input/output contracts are in {@code resources/.../dev/attend/resources/models/MODELS.md}.
 */
public final class AudioModels {

    private static final String DIR = "/dev/attend/resources/models/";

    /** Silero VAD (v4 graph: input [B,S], sr int64 scalar, h/c [2,B,64] → output [B,1], hn, cn). */
    public static final BundledModel SILERO_VAD = new BundledModel(DIR + "silero_vad.onnx",
            "a35ebf52fd3ce5f1469b2a36158dba761bc47b973ea3382b3186ca15b1f5af28");

    /** openWakeWord's log-mel front end: input [1,S] float in int16 range → output [1,1,frames,32]. */
    public static final BundledModel MELSPECTROGRAM = new BundledModel(DIR + "melspectrogram.onnx",
            "ba2b0e0f8b7b875369a2c89cb13360ff53bac436f2895cced9f479fa65eb176f");

    /** Google speech embedding: input_1 [N,76,32,1] → conv2d_19 [N,1,1,96]. */
    public static final BundledModel SPEECH_EMBEDDING = new BundledModel(DIR + "embedding_model.onnx",
            "70d164290c1d095d1d4ee149bc5e00543250a7316b59f31d056cff7bd3075c1f");

    private static final Map<String, BundledModel> WAKE = new LinkedHashMap<>();

    static {
        WAKE.put("hey_jarvis", new BundledModel(DIR + "hey_jarvis_v0.1.onnx",
                "94a13cfe60075b132f6a472e7e462e8123ee70861bc3fb58434a73712ee0d2cb"));
        WAKE.put("hey_mycroft", new BundledModel(DIR + "hey_mycroft_v0.1.onnx",
                "c2a311e8fa1338de89c31b3b46dc4dffd4af2f9a8d6ddead48893c2d301b1f18"));
        WAKE.put("alexa", new BundledModel(DIR + "alexa_v0.1.onnx",
                "6ff566a01d12670e8d9e3c59da32651db1575d17272a601b7f8a39283dfbae3e"));
        WAKE.put("hey_rhasspy", new BundledModel(DIR + "hey_rhasspy_v0.1.onnx",
                "5a9b3ed3be2910e35780e097905aa9f35a9c10038df47914cf2b3ec4d670f6ea"));
    }

    /** Every bundled wake-word model reads the last 16 speech embeddings (1.28 s). */
    public static final int WAKE_WINDOW = 16;

    private AudioModels() {
    }

    /** Names of the bundled wake-word models, e.g. {@code hey_jarvis}. */
    public static List<String> wakeWordNames() {
        return List.copyOf(WAKE.keySet());
    }

    /**
     * The bundled wake-word model called {@code name}.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static BundledModel wakeWord(String name) {
        BundledModel m = WAKE.get(name);
        if (m == null) {
            throw new IllegalArgumentException("unknown wake word '" + name + "'; bundled: "
                    + String.join(", ", WAKE.keySet()));
        }
        return m;
    }
}
