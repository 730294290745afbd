package dev.attend.fusion.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fusion network run incrementally, one 80-ms step at a time, for a model with relative time
 * ({@link FusionConfig#relativeTime()}): every layer keeps the keys and values of its last {@code audioTokens} tokens
 * ({@link KeyRing}), so a new audio token costs one query row per layer instead of a whole 4-s window. Each face
 * track has its own video stream ({@link FaceTrack}), so every tracked face gets a sync and addressee score; the
 * audio side is shared. Words (few) go over the cached audio keys each step ({@link WordPass}); a model with a word
 * head also hears words from the audio ({@link WordStream}: a token's word posteriors are final 3 tokens later).
 *
 * <p>The step runs in plain Java on weights copied once from the model ({@link StreamWeights}, {@link RowLayer}):
 * at this size a step is ~0.5 M multiply-adds, and as libtorch calls it was ~250 calls whose per-call overhead,
 * not arithmetic, made up the 6–10 ms it cost. No native memory is touched per step.
 *
 * <p>While fewer than {@code audioTokens} steps have been taken this is exactly the network's forward on the padded
 * window; after that it is sliding-window attention (each query saw the 4 s before it when it arrived), which is
 * what "cache the keys" means — the batch forward on a window would recompute old tokens without their past.
 * Not thread-safe.
 */
public final class FusionStream implements AutoCloseable {

    /** A face's scores this step. */
    public record Face(int track, double sync, double addressee) {
    }

    /** One row (or, for text queries, one matrix) of a watched attention map: heads × queries × keys. */
    public record Map2(int heads, int queries, int keys, float[] weights, float[] scores) {
    }

    /** What one step gives: the main face's heads, every face's, the intent distribution, watched maps. */
    public record Step(double sync, double addressee, float[] intent, List<Face> faces, Map<String, Map2> attention,
                       double[] keyTimes) {
    }

    /** A face stream is dropped after this long without a frame. */
    public static final double FACE_MEMORY = 4.0;
    /** At most this many face streams (the largest faces win when the caller passes more). */
    public static final int MAX_FACES = 4;
    private static final int NO_FACE = 0;

    private final FusionConfig cfg;
    private final StreamWeights w;
    private final int window;
    private final Deque<Double> times = new ArrayDeque<>();
    private final List<KeyRing> audioSelf = new ArrayList<>();
    private final List<KeyRing> vaKeys = new ArrayList<>();
    private final List<KeyRing> taKeys = new ArrayList<>();
    private final RowRing audioTop;
    private final Map<Integer, FaceTrack> faces = new LinkedHashMap<>();
    private final WordPass words;
    private final WordStream heard; // null without a word head

    public FusionStream(FusionModel model) {
        this.cfg = model.config();
        if (!cfg.relativeTime()) {
            throw new IllegalArgumentException("incremental streaming needs a relative-time model (timeCode "
                    + FusionConfig.RELATIVE + "); this one is " + cfg.timeCode());
        }
        this.w = new StreamWeights(model.net());
        this.window = cfg.audioTokens();
        int d = cfg.dModel();
        for (int l = 0; l < cfg.layers(); l++) {
            audioSelf.add(new KeyRing(window, d));
        }
        for (int l = 0; l < cfg.crossLayers(); l++) {
            vaKeys.add(new KeyRing(window, d));
            taKeys.add(new KeyRing(window, d));
        }
        audioTop = new RowRing(window, d);
        words = new WordPass(w, cfg);
        heard = model.net().wordHead() == null ? null : new WordStream(model.net().wordHead(), window);
    }

    /** Steps taken that are still in the window (≤ audioTokens). */
    public int size() {
        return times.size();
    }

    /**
     * One step.
     *
     * @param t          media time of the audio token (s)
     * @param audio      its 96 values
     * @param faceTokens video tokens (17 values: descriptor + 1) of the faces seen at {@code t}, by track
     * @param mainTrack  the track whose scores are the step's {@code sync}/{@code addressee} (0 = no face)
     * @param wordVectors word vectors (384 each), oldest first (may be empty)
     * @param wordTimes  their media times
     * @param watched    attention names to copy out ({@link FusionNet#attentionNames()})
     */
    public Step step(double t, float[] audio, Map<Integer, float[]> faceTokens, int mainTrack,
                     List<float[]> wordVectors, double[] wordTimes, Set<String> watched) {
        times.addLast(t);
        if (times.size() > window) {
            times.removeFirst();
        }
        double[] keyTimes = times.stream().mapToDouble(Double::doubleValue).toArray();
        Map<String, Map2> att = new LinkedHashMap<>();
        float[] sec = new float[keyTimes.length];
        for (int i = 0; i < sec.length; i++) {
            sec[i] = (float) Math.abs(t - keyTimes[i]);
        }
        // audio self-attention (a query sees itself: its key goes in first), then the keys the cross layers read
        float[] wordsHeard = heard == null ? null : heard.step(audio);
        float[] a = w.audio.apply(audio);
        for (int l = 0; l < w.selfA.size(); l++) {
            w.selfA.get(l).cache(a, audioSelf.get(l));
            a = w.selfA.get(l).step(a, audioSelf.get(l), sec, "audio.self." + l, watched, att);
        }
        audioTop.append(a);
        for (int l = 0; l < cfg.crossLayers(); l++) {
            w.crossVA.get(l).cache(a, vaKeys.get(l));
            w.crossTA.get(l).cache(a, taKeys.get(l));
        }
        updateFaces(t, faceTokens);
        List<Face> scores = new ArrayList<>();
        double mainSync = 0;
        double mainAddr = 0;
        int main = faces.containsKey(mainTrack) ? mainTrack : NO_FACE;
        for (FaceTrack f : faces.values()) {
            float[] tok = faceTokens.getOrDefault(f.track, new float[FusionConfig.VIDEO_DIM]);
            boolean isMain = f.track == main;
            double[] sa = f.step(a, tok, sec, vaKeys, isMain ? watched : Set.of(), att);
            if (f.track != NO_FACE) {
                scores.add(new Face(f.track, sa[0], sa[1]));
            }
            if (isMain) {
                mainSync = sa[0];
                mainAddr = sa[1];
            }
        }
        float[] txa = words.pooled(wordVectors, wordTimes, keyTimes, taKeys, watched, att);
        float[] pooled = wordsHeard != null ? wordsHeard
                : w.intentQuery == null ? audioTop.mean() : audioTop.attentionPool(w.intentQuery);
        boolean text = !wordVectors.isEmpty();
        float[] intent = RowMath.softmax(wordsHeard != null && !text ? w.audioIntent.apply(wordsHeard)
                : w.intent.apply(RowMath.concat(pooled, txa)));
        return new Step(mainSync, mainAddr, intent, scores, att, keyTimes);
    }

    private void updateFaces(double t, Map<Integer, float[]> faceTokens) {
        for (int track : faceTokens.keySet()) {
            if (track != NO_FACE && !faces.containsKey(track) && faces.size() < MAX_FACES) {
                faces.put(track, new FaceTrack(track, w, cfg));
            }
        }
        for (FaceTrack f : faces.values()) {
            if (faceTokens.containsKey(f.track)) {
                f.lastSeen = t;
            }
        }
        faces.values().removeIf(f -> f.track != NO_FACE && t - f.lastSeen > FACE_MEMORY);
        // the no-face stream runs only while no face is tracked (it starts afresh when the last face is gone)
        boolean anyFace = faces.keySet().stream().anyMatch(k -> k != NO_FACE);
        if (anyFace) {
            faces.remove(NO_FACE);
        } else {
            faces.computeIfAbsent(NO_FACE, k -> new FaceTrack(NO_FACE, w, cfg));
        }
    }

    /** Nothing native to free (the weights are Java copies); kept so callers can treat it as a resource. */
    @Override
    public void close() {
        faces.clear();
    }
}
