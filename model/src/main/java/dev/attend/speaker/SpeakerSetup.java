package dev.attend.speaker;

import dev.attend.speaker.compact.CompactSpeakerModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * How a session labels speakers: which vectors (Attend's compact ones, or libvosk's x-vectors of the bundled speaker
 * model or a folder such as the official download), the enrolled profiles and the thresholds.
 *
 * @param modelDir  a speaker-model folder, or null for the bundled {@code vosk-model-spk-0.4} (libvosk vectors only)
 * @param cacheDir  where the bundled model is unpacked (null: the default cache folder)
 * @param profiles  enrolled speakers (only those of {@code vectors}' source are used)
 * @param join      clustering threshold (cosine): the session regrouping merges speakers down to it
 * @param stay      the online clusterer's stay threshold (hysteresis, ≤ join); the session labeler uses only
 *                  {@code join} (and the adjacent bonus of the source)
 * @param verify    enrolled-voice threshold (cosine)
 * @param background what the cosines centre on; null for the source's shipped metric ({@link SpeakerBackground}
 *                   for libvosk vectors, {@link CompactSpeakerModel#metric} for compact ones; loaded and verified when
 *                   a session starts: the shipped thresholds assume it)
 * @param vectors   where the vectors come from
 */
public record SpeakerSetup(Path modelDir, Path cacheDir, List<SpeakerProfile> profiles, double join, double stay,
                           double verify, SpeakerBackground background, SpeakerVectorSource vectors) {

    public SpeakerSetup {
        profiles = List.copyOf(profiles);
        new SpeakerClusterer(join, stay); // validates the pair
        java.util.Objects.requireNonNull(vectors, "vectors");
    }

    /** libvosk vectors with these thresholds and background. */
    public SpeakerSetup(Path modelDir, Path cacheDir, List<SpeakerProfile> profiles, double join, double stay,
                        double verify, SpeakerBackground background) {
        this(modelDir, cacheDir, profiles, join, stay, verify, background, SpeakerVectorSource.VOSK);
    }

    /** libvosk vectors with these thresholds and the shipped background. */
    public SpeakerSetup(Path modelDir, Path cacheDir, List<SpeakerProfile> profiles, double join, double stay,
                        double verify) {
        this(modelDir, cacheDir, profiles, join, stay, verify, null);
    }

    /** The default vectors ({@link SpeakerVectorSource#DEFAULT}), these profiles, the shipped thresholds. */
    public static SpeakerSetup bundled(List<SpeakerProfile> profiles) {
        return shipped(SpeakerVectorSource.DEFAULT, profiles);
    }

    /** Vectors of {@code source} with its shipped thresholds and metric. */
    public static SpeakerSetup shipped(SpeakerVectorSource source, List<SpeakerProfile> profiles) {
        return source == SpeakerVectorSource.COMPACT
                ? new SpeakerSetup(null, null, profiles, SpeakerThresholds.COMPACT_REGROUP,
                        SpeakerThresholds.COMPACT_REGROUP, SpeakerThresholds.COMPACT_VERIFY, null, source)
                : new SpeakerSetup(null, null, profiles, SpeakerThresholds.REGROUP, SpeakerThresholds.REGROUP,
                        SpeakerThresholds.VERIFY, null, source);
    }

    /** This setup with {@code source}'s vectors and its shipped thresholds and metric (folders and profiles kept). */
    public SpeakerSetup withVectors(SpeakerVectorSource source) {
        SpeakerSetup s = shipped(source, profiles);
        return new SpeakerSetup(modelDir, cacheDir, profiles, s.join, s.stay, s.verify, null, source);
    }

    public SpeakerSetup withModelDir(Path dir) {
        return new SpeakerSetup(dir, cacheDir, profiles, join, stay, verify, background, vectors);
    }

    public SpeakerSetup withProfiles(List<SpeakerProfile> list) {
        return new SpeakerSetup(modelDir, cacheDir, list, join, stay, verify, background, vectors);
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
        return new SpeakerSetup(modelDir, dir, profiles, join, stay, verify, background, vectors);
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

    /** Enrolled profiles of the other source: not used by this setup's sessions (a message should name them). */
    public List<SpeakerProfile> otherSourceProfiles() {
        return profiles.stream().filter(p -> p.vectors() != vectors).toList();
    }

    /** The message for {@link #otherSourceProfiles} (null when there are none). */
    public String otherSourceMessage() {
        List<SpeakerProfile> other = otherSourceProfiles();
        if (other.isEmpty()) {
            return null;
        }
        return "enrolled speaker" + (other.size() == 1 ? " " : "s ")
                + String.join(", ", other.stream().map(SpeakerProfile::name).toList()) + " cannot be recognised: "
                + (other.size() == 1 ? "the profile was" : "their profiles were") + " made from "
                + other.get(0).vectors().id() + " speaker vectors and this session uses " + vectors.id()
                + " ones; enrol again (attend speakers enroll) or choose --speaker-vectors "
                + other.get(0).vectors().id();
    }

    /**
     * A fresh labeler for one session (with the profiles of this source only).
     *
     * @throws dev.attend.models.ModelIntegrityException the shipped background or compact weights are missing or
     *                                                   damaged
     */
    public SpeakerLabeler newLabeler() throws IOException {
        SpeakerBackground b = background != null ? background
                : vectors == SpeakerVectorSource.COMPACT ? CompactSpeakerModel.shipped().metric(SpeakerBackground.shipped())
                : SpeakerBackground.shipped();
        double bonus = vectors == SpeakerVectorSource.COMPACT ? SpeakerThresholds.COMPACT_REGROUP_ADJACENT
                : SpeakerThresholds.REGROUP_ADJACENT;
        List<SpeakerProfile> usable = profiles.stream().filter(p -> p.vectors() == vectors).toList();
        return new SpeakerLabeler(new SpeakerVerifier(usable, verify, b), new SpeakerRegrouper(join, bonus, b));
    }
}
