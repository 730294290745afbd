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
                "76b2dbc7e364808ee5757c52362238072252974fe6f001982fc74c7688de2739"));
        FILES.put("hey_mycroft", new BundledModel(DIR + "wake_verifier_hey_mycroft.bin",
                "acd22acfecf58a9ca917751fff98aeb8d82935f6bef7c1e8676837d9c3e95621"));
        FILES.put("alexa", new BundledModel(DIR + "wake_verifier_alexa.bin",
                "c4b2bb1163e5b41d7733dcf2a576ae5d18ac1c5ea161019c0f1a7bf241fece35"));
        FILES.put("hey_rhasspy", new BundledModel(DIR + "wake_verifier_hey_rhasspy.bin",
                "f6544acc384e2c5911c838111033d63fc4836ddb313656375477fa2ffd81fa7b"));
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
