package dev.attend.fusion.live;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.attend.fusion.model.FusionConfig;
import dev.attend.fusion.model.FusionInputs;
import dev.attend.fusion.model.FusionModel;
import dev.attend.fusion.model.FusionNet;
import dev.attend.encoders.vision.FaceDescriptor;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fusion model's intent and addressee heads for the assistant, without a pipeline: give it the speech
 * embeddings of a command (96-d audio tokens, 80 ms apart, oldest first, as the token bus carries them) and get the
 * probability of every intent in {@link FusionConfig#INTENTS}. The newest {@code audioTokens} (4 s) are used; a
 * shorter command is preceded by embeddings of silence, as the training windows are. Thread-safe (calls are
 * serialized).
 */
public final class FusionIntents implements AutoCloseable {

    private final FusionModel model;
    private final boolean owned;
    private final float[] silence;
    private final NDManager root = NDManager.newBaseManager(FusionModel.ENGINE);

    /** @param silence the speech embedding of silence (padding), or null to mask padding instead */
    public FusionIntents(FusionModel model, float[] silence) {
        this(model, silence, false);
    }

    private FusionIntents(FusionModel model, float[] silence, boolean owned) {
        this.model = model;
        this.silence = silence == null ? null : silence.clone();
        this.owned = owned;
    }

    /** With the bundled checkpoint, padding with the bundled speech embedding of silence. */
    public static FusionIntents loadBundled() throws IOException {
        float[] quiet;
        try (var mel = dev.attend.encoders.audio.features.MelSpectrogram.load();
             var emb = dev.attend.encoders.audio.features.SpeechEmbedding.load()) {
            quiet = new dev.attend.encoders.audio.features.SpeechFeatureExtractor(mel, emb,
                    new dev.attend.encoders.audio.features.SpeechFeatureListener() { }).primer(1).get(0);
        }
        return new FusionIntents(BundledFusionModel.load(), quiet, true);
    }

    /** The speech embedding of silence it pads with (a copy), or null when padding is masked instead. */
    public float[] silence() {
        return silence == null ? null : silence.clone();
    }

    /** Intent name → probability (sums to 1), from audio alone. */
    public synchronized Map<String, Double> intentProbabilities(List<float[]> audioTokens) {
        float[] p = run(audioTokens, null, FusionNet.INTENT);
        double[] e = new double[p.length];
        double z = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : p) {
            max = Math.max(max, v);
        }
        for (int i = 0; i < p.length; i++) {
            e[i] = Math.exp(p[i] - max);
            z += e[i];
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < p.length; i++) {
            out.put(model.config().intents().get(i), e[i] / z);
        }
        return out;
    }

    /**
     * The slot heads' opinions from audio alone, as {@link dev.attend.assistant.intent.AudioIntentModel#slotProbabilities}
     * describes: {@code action} over the sub-actions (set, list, cancel, create, last, today; renormalized without
     * "none") and {@code duration} over whole seconds (number word × unit, the product of the two heads'
     * probabilities without their "none", renormalized; equal seconds such as 60 s and 1 min add up). Empty for a
     * model without slot heads.
     */
    public synchronized Map<String, Map<String, Double>> slotProbabilities(List<float[]> audioTokens) {
        int index = model.net().slotIndex();
        if (index < 0) {
            return Map.of();
        }
        return SlotDistributions.of(run(audioTokens, null, index));
    }

    /**
     * Probability that the user speaks to the assistant.
     *
     * @param faceDescriptors per audio token, the main face's 16-d descriptor ({@link FaceDescriptor}) at that
     *                        time, or null where no face was seen; the whole list may be null (no camera)
     */
    public synchronized double addresseeProbability(List<float[]> audioTokens, List<float[]> faceDescriptors) {
        float logit = run(audioTokens, faceDescriptors, FusionNet.ADDRESSEE)[0];
        return 1 / (1 + Math.exp(-logit));
    }

    private float[] run(List<float[]> audioTokens, List<float[]> faces, int output) {
        FusionConfig cfg = model.config();
        if (audioTokens.isEmpty()) {
            throw new IllegalArgumentException("no audio tokens");
        }
        if (faces != null && faces.size() != audioTokens.size()) {
            throw new IllegalArgumentException(faces.size() + " face descriptors for " + audioTokens.size()
                    + " audio tokens; give one (or null) per token");
        }
        int ta = cfg.audioTokens();
        int n = Math.min(ta, audioTokens.size());
        int first = audioTokens.size() - n;
        FusionInputs in = FusionInputs.empty(1, cfg);
        for (int i = 0; i < ta; i++) {
            in.audioTime()[i] = (float) (i * FusionConfig.TOKEN_SECONDS + 0.072);
            in.videoTime()[i] = in.audioTime()[i];
            if (silence != null && i < ta - n) {
                System.arraycopy(silence, 0, in.audio(), i * FusionConfig.AUDIO_DIM, FusionConfig.AUDIO_DIM);
                in.audioMask()[i] = 1f;
                in.videoMask()[i] = 1f;
            }
        }
        for (int k = 0; k < n; k++) {
            int i = ta - n + k;
            float[] a = audioTokens.get(first + k);
            if (a.length != FusionConfig.AUDIO_DIM) {
                throw new IllegalArgumentException("audio token " + (first + k) + " has " + a.length + " values, not "
                        + FusionConfig.AUDIO_DIM);
            }
            System.arraycopy(a, 0, in.audio(), i * FusionConfig.AUDIO_DIM, FusionConfig.AUDIO_DIM);
            in.audioMask()[i] = 1f;
            in.videoMask()[i] = 1f;
            float[] f = faces == null ? null : faces.get(first + k);
            if (f != null) {
                System.arraycopy(f, 0, in.video(), i * FusionConfig.VIDEO_DIM, Math.min(FaceDescriptor.SIZE, f.length));
                in.video()[i * FusionConfig.VIDEO_DIM + FaceDescriptor.SIZE] = 1f;
            }
        }
        try (NDManager m = root.newSubManager()) {
            NDList out = model.forward(m, in);
            return out.get(output).toFloatArray();
        }
    }

    @Override
    public synchronized void close() {
        root.close();
        if (owned) {
            model.close();
        }
    }
}
