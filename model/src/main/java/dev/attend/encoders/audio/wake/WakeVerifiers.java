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
                "bf541ffb3702c6f358ce43c9423fe7bc7de230b5d2afe39665ecc07e65fbda14"));
        FILES.put("hey_mycroft", new BundledModel(DIR + "wake_verifier_hey_mycroft.bin",
                "acd22acfecf58a9ca917751fff98aeb8d82935f6bef7c1e8676837d9c3e95621"));
        FILES.put("alexa", new BundledModel(DIR + "wake_verifier_alexa.bin",
                "342f0a3458a098db114efbe180fd3127fc21733b5fbb8ed1f284652e98786c42"));
        FILES.put("hey_rhasspy", new BundledModel(DIR + "wake_verifier_hey_rhasspy.bin",
                "67d2437337be30bef6e76e157ec1652ef2c179cd96d7477c1a5b9e2f08afa174"));
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
