package dev.attend.encoders.audio.wake;

import dev.attend.models.BundledModel;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The bundled second-stage verifiers, one per wake-word model, each pinned by SHA-256 (provenance in the resources'
 * {@code MODELS.md}: trained by {@code attend bench wake --train-verifier}).
 */
public final class WakeVerifiers {

    private static final String DIR = "/dev/attend/resources/models/";

    private static final Map<String, BundledModel> FILES = new LinkedHashMap<>();

    static {
        FILES.put("hey_jarvis", new BundledModel(DIR + "wake_verifier_hey_jarvis.bin",
                "98490c7216edef3675ae4bc36c89873e9f6e4841540fd076ad363debe82dfda8"));
        FILES.put("hey_mycroft", new BundledModel(DIR + "wake_verifier_hey_mycroft.bin",
                "8236cda24f8e459f9353bb8302bbae21cb8c4cd4e07ba77a3d1d3db3b47df29b"));
        FILES.put("alexa", new BundledModel(DIR + "wake_verifier_alexa.bin",
                "45912d1581a7c942176ee6d5d57b079f879a68e4a78e31af76418f777ec87eab"));
        FILES.put("hey_rhasspy", new BundledModel(DIR + "wake_verifier_hey_rhasspy.bin",
                "5f13b00e3883c563ad1b3f288176f9cddde733623aa5857ea40f293504f1dca1"));
    }

    private WakeVerifiers() {
    }

    /** The bundled verifier file of {@code model}, if one is shipped. */
    public static Optional<BundledModel> file(String model) {
        return Optional.ofNullable(FILES.get(model));
    }

    /**
     * Loads {@code model}'s bundled verifier.
     *
     * @throws IOException when none is shipped, or it is missing, altered (SHA-256) or malformed, naming which
     */
    public static WakeVerifier load(String model) throws IOException {
        BundledModel f = FILES.get(model);
        if (f == null) {
            throw new IOException("no wake verifier is bundled for '" + model + "'");
        }
        return WakeVerifier.load(model, f);
    }
}
