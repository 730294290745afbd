package dev.attend.speaker;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * How a session labels speakers: which speaker model (the bundled one, or a folder such as the official download),
 * the enrolled profiles and the thresholds.
 *
 * @param modelDir  a speaker-model folder, or null for the bundled {@code vosk-model-spk-0.4}
 * @param cacheDir  where the bundled model is unpacked (null: the default cache folder)
 * @param profiles  enrolled speakers
 * @param join      clustering threshold (cosine): the session regrouping merges speakers down to it
 * @param stay      the online clusterer's stay threshold (hysteresis, ≤ join); the session labeler uses only
 *                  {@code join} (and {@link SpeakerThresholds#REGROUP_ADJACENT})
 * @param verify    enrolled-voice threshold (cosine)
 * @param background what the cosines centre on; null for the shipped {@link SpeakerBackground} (loaded, and
 *                   verified, when a session starts: the shipped thresholds assume it)
 */
public record SpeakerSetup(Path modelDir, Path cacheDir, List<SpeakerProfile> profiles, double join, double stay,
                           double verify, SpeakerBackground background) {

    public SpeakerSetup {
        profiles = List.copyOf(profiles);
        new SpeakerClusterer(join, stay); // validates the pair
    }

    /** With the shipped background. */
    public SpeakerSetup(Path modelDir, Path cacheDir, List<SpeakerProfile> profiles, double join, double stay,
                        double verify) {
        this(modelDir, cacheDir, profiles, join, stay, verify, null);
    }

    /** The bundled model, these profiles, the shipped thresholds. */
    public static SpeakerSetup bundled(List<SpeakerProfile> profiles) {
        return new SpeakerSetup(null, null, profiles, SpeakerThresholds.REGROUP, SpeakerThresholds.REGROUP,
                SpeakerThresholds.VERIFY);
    }

    public SpeakerSetup withModelDir(Path dir) {
        return new SpeakerSetup(dir, cacheDir, profiles, join, stay, verify, background);
    }

    /**
     * This setup, or, when it would use the bundled model but this build ships without it, the official
     * {@code vosk-model-spk-0.4} download installed in {@code installed} (the model manager puts it there).
     */
    public SpeakerSetup orInstalled(Path installed) {
        return modelDir == null && !SpeakerModelBundle.isBundled() && java.nio.file.Files.isDirectory(installed)
                ? withModelDir(installed) : this;
    }

    public SpeakerSetup withCacheDir(Path dir) {
        return new SpeakerSetup(modelDir, dir, profiles, join, stay, verify, background);
    }

    /**
     * The verified model folder libvosk should load.
     *
     * @throws IOException           the bundled files are missing or damaged (message names the file)
     * @throws SpeakerModelException a given folder lacks a model file
     */
    public Path prepareModel() throws IOException {
        if (modelDir != null) {
            return SpeakerModelBundle.checkFolder(modelDir);
        }
        return cacheDir == null ? SpeakerModelBundle.materialize() : SpeakerModelBundle.materialize(cacheDir);
    }

    /**
     * A fresh labeler for one session.
     *
     * @throws dev.attend.models.ModelIntegrityException the shipped background is missing or damaged
     */
    public SpeakerLabeler newLabeler() throws IOException {
        SpeakerBackground b = background == null ? SpeakerBackground.shipped() : background;
        return new SpeakerLabeler(new SpeakerVerifier(profiles, verify, b), new SpeakerRegrouper(join,
                SpeakerThresholds.REGROUP_ADJACENT, b));
    }
}
