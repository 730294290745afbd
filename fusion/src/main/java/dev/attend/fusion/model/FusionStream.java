package dev.attend.fusion.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fusion network run incrementally, one 80-ms step at a time, for a model with relative time
 * ({@link FusionConfig#relativeTime()}): every layer keeps the keys and values of its last {@code audioTokens} tokens,
 * so a new audio token costs one query row per layer instead of a whole 4-s window. Each face track has its own video
 * stream (its self-attention caches and its audio↔video rows), so every tracked face gets a sync and addressee
 * score; the audio side is shared. Words (few) are recomputed each step over the cached audio keys.
 *
 * <p>While fewer than {@code audioTokens} steps have been taken this is exactly the network's forward on the padded
 * window; after that it is sliding-window attention (each query saw the 4 s before it when it arrived), which is
 * what "cache the keys" means — the batch forward on a window would recompute old tokens without their past.
 * Cached arrays live on the stream's own manager and are closed as they are replaced, so memory stays flat.
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

    private final FusionNet net;
    private final FusionConfig cfg;
    private final NDManager keep;
    private final ParameterStore ps;
    private final int window;
    private final Deque<Double> times = new ArrayDeque<>();
    private final List<Cache> audioSelf = new ArrayList<>();
    private final List<Cache> vaKeys = new ArrayList<>();
    private final List<Cache> taKeys = new ArrayList<>();
    private final Cache audioTop;
    private final Map<Integer, FaceStream> faces = new LinkedHashMap<>();
    private final Map<TransformerLayer, NDArray> slopes = new java.util.IdentityHashMap<>();
    private List<float[]> textWords = List.of();
    private double[] textTimes = new double[0];
    private NDArray textSelf; // the words after text self-attention, until the words change

    public FusionStream(FusionModel model) {
        this.net = model.net();
        this.cfg = model.config();
        if (!cfg.relativeTime()) {
            throw new IllegalArgumentException("incremental streaming needs a relative-time model (timeCode "
                    + FusionConfig.RELATIVE + "); this one is " + cfg.timeCode());
        }
        this.keep = NDManager.newBaseManager(FusionModel.ENGINE);
        this.ps = new ParameterStore(keep, false);
        this.window = cfg.audioTokens();
        for (int l = 0; l < cfg.layers(); l++) {
            audioSelf.add(new Cache(2));
        }
        for (int l = 0; l < cfg.crossLayers(); l++) {
            vaKeys.add(new Cache(2));
            taKeys.add(new Cache(2));
        }
        audioTop = new Cache(1);
        // fixed for inference: computed once instead of every step
        List<TransformerLayer> all = new ArrayList<>();
        for (char c : new char[] {'a', 'v', 't'}) {
            all.addAll(net.selfLayers(c));
        }
        for (String pair : List.of("av", "va", "ta")) {
            all.addAll(net.crossLayers(pair));
        }
        NDArray like = keep.zeros(new Shape(1));
        for (TransformerLayer l : all) {
            slopes.put(l, l.slopes(ps, like));
        }
    }

    private NDList run(TransformerLayer l, NDArray x, NDArray khT, NDArray vh, NDArray sec) {
        return l.step(ps, x, khT, vh, null, sec, slopes.get(l));
    }

    /** Mean over time of a cached (1,T,D), moved to the step's manager (a cache is never a receiver's home). */
    private static NDArray mean(Cache c, NDManager m) {
        NDArray r = c.rows.mean(new int[] {1});
        r.attach(m);
        return r;
    }

    /** Steps taken that are still in the window (≤ audioTokens). */
    public int size() {
        return times.size();
    }

    /**
     * One step.
     *
     * @param t         media time of the audio token (s)
     * @param audio     its 96 values
     * @param faceTokens video tokens (17 values: descriptor + 1) of the faces seen at {@code t}, by track
     * @param mainTrack the track whose scores are the step's {@code sync}/{@code addressee} (0 = no face)
     * @param words     word vectors (384 each) and their media times, oldest first (may be empty)
     * @param watched   attention names to copy out ({@link FusionNet#attentionNames()})
     */
    public Step step(double t, float[] audio, Map<Integer, float[]> faceTokens, int mainTrack, List<float[]> words,
                     double[] wordTimes, Set<String> watched) {
        times.addLast(t);
        if (times.size() > window) {
            times.removeFirst();
        }
        double[] keyTimes = times.stream().mapToDouble(Double::doubleValue).toArray();
        int n = keyTimes.length;
        Map<String, Map2> att = new LinkedHashMap<>();
        try (NDManager m = keep.newSubManager()) {
            NDArray sec = m.create(secondsRow(t, keyTimes), new Shape(1, 1, 1, n));
            // audio self-attention, then the audio keys the cross layers read
            NDArray a = net.embed(ps, 'a', m.create(audio, new Shape(1, 1, FusionConfig.AUDIO_DIM)));
            a = selfStack(net.selfLayers('a'), audioSelf, a, sec, "audio.self.", watched, att);
            audioTop.append(a);
            for (int l = 0; l < cfg.crossLayers(); l++) {
                vaKeys.get(l).append(net.crossLayers("va").get(l).keysValues(ps, a));
                taKeys.get(l).append(net.crossLayers("ta").get(l).keysValues(ps, a));
            }
            // every face stream (and the no-face one) takes this step
            updateFaces(t, faceTokens);
            List<Face> scores = new ArrayList<>();
            double mainSync = 0;
            double mainAddr = 0;
            for (FaceStream f : faces.values()) {
                float[] tok = faceTokens.getOrDefault(f.track, new float[FusionConfig.VIDEO_DIM]);
                boolean main = f.track == (faces.containsKey(mainTrack) ? mainTrack : NO_FACE);
                double[] sa = f.step(m, a, tok, sec, main ? watched : Set.of(), att);
                if (f.track != NO_FACE) {
                    scores.add(new Face(f.track, sa[0], sa[1]));
                }
                if (main) {
                    mainSync = sa[0];
                    mainAddr = sa[1];
                }
            }
            NDArray txa = text(m, words, wordTimes, keyTimes, watched, att);
            NDArray intentIn = mean(audioTop, m).concat(txa, 1);
            float[] logits = net.head(ps, "intent", intentIn).softmax(1).toFloatArray();
            return new Step(mainSync, mainAddr, logits, scores, att, keyTimes);
        }
    }

    private static float[] secondsRow(double t, double[] keyTimes) {
        float[] s = new float[keyTimes.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) Math.abs(t - keyTimes[i]);
        }
        return s;
    }

    /** Causal self-attention for the new row: its keys go into the caches first (a query sees itself). */
    private NDArray selfStack(List<TransformerLayer> layers, List<Cache> caches, NDArray x, NDArray sec, String name,
                              Set<String> watched, Map<String, Map2> att) {
        for (int l = 0; l < layers.size(); l++) {
            Cache c = caches.get(l);
            c.append(layers.get(l).keysValues(ps, x));
            NDList r = run(layers.get(l), x, c.k, c.v, sec);
            copy(name + l, r, watched, att);
            x = r.get(0);
        }
        return x;
    }

    private void updateFaces(double t, Map<Integer, float[]> faceTokens) {
        for (int track : faceTokens.keySet()) {
            if (track != NO_FACE && !faces.containsKey(track) && faces.size() < MAX_FACES) {
                faces.put(track, new FaceStream(track));
            }
        }
        for (FaceStream f : faces.values()) {
            if (faceTokens.containsKey(f.track)) {
                f.lastSeen = t;
            }
        }
        faces.values().removeIf(f -> {
            boolean gone = f.track != NO_FACE && t - f.lastSeen > FACE_MEMORY;
            if (gone) {
                f.close();
            }
            return gone;
        });
        // the no-face stream runs only while no face is tracked (it starts afresh when the last face is gone)
        boolean anyFace = faces.keySet().stream().anyMatch(k -> k != NO_FACE);
        if (anyFace && faces.containsKey(NO_FACE)) {
            faces.remove(NO_FACE).close();
        } else if (!anyFace) {
            faces.computeIfAbsent(NO_FACE, k -> new FaceStream(NO_FACE));
        }
    }

    /** Words over the cached audio (1,D) pooled; zeros without words. */
    private NDArray text(NDManager m, List<float[]> words, double[] wordTimes, double[] keyTimes, Set<String> watched,
                         Map<String, Map2> att) {
        int d = cfg.dModel();
        if (words.isEmpty()) {
            return m.zeros(new Shape(1, d));
        }
        int w = Math.min(words.size(), cfg.textTokens());
        int first = words.size() - w;
        float[] x = new float[w * FusionConfig.TEXT_DIM];
        float[] tt = new float[w * w];
        float[] ta = new float[w * keyTimes.length];
        for (int i = 0; i < w; i++) {
            System.arraycopy(words.get(first + i), 0, x, i * FusionConfig.TEXT_DIM, FusionConfig.TEXT_DIM);
            for (int j = 0; j < w; j++) {
                tt[i * w + j] = (float) Math.abs(wordTimes[first + i] - wordTimes[first + j]);
            }
            for (int k = 0; k < keyTimes.length; k++) {
                ta[i * keyTimes.length + k] = (float) Math.abs(wordTimes[first + i] - keyTimes[k]);
            }
        }
        List<float[]> used = words.subList(first, words.size());
        double[] usedTimes = java.util.Arrays.copyOfRange(wordTimes, first, first + w);
        if (textSelf == null || !sameWords(used, usedTimes)) {
            if (textSelf != null) {
                textSelf.close();
            }
            NDArray h = net.embed(ps, 't', m.create(x, new Shape(1, w, FusionConfig.TEXT_DIM)));
            NDArray secTT = m.create(tt, new Shape(1, 1, w, w));
            List<TransformerLayer> self = net.selfLayers('t');
            List<NDList> maps = new ArrayList<>();
            for (int l = 0; l < self.size(); l++) {
                NDArray[] kv = self.get(l).keysValues(ps, h);
                NDList r = run(self.get(l), h, kv[0], kv[1], secTT);
                maps.add(new NDList(r.get(0), r.get(1), r.get(2)));
                h = r.get(0);
            }
            textMapCache.clear();
            for (int l = 0; l < maps.size(); l++) {
                copy("text.self." + l, maps.get(l), Set.of("text.self." + l), textMapCache);
            }
            textSelf = h.duplicate();
            textSelf.attach(keep);
            textWords = List.copyOf(used);
            textTimes = usedTimes;
        }
        for (int l = 0; l < cfg.layers(); l++) {
            String name = "text.self." + l;
            if (watched.contains(name) && textMapCache.containsKey(name)) {
                att.put(name, textMapCache.get(name));
            }
        }
        NDArray h = m.zeros(textSelf.getShape()).add(textSelf); // on the step's manager: results land there
        NDArray secTA = m.create(ta, new Shape(1, 1, w, keyTimes.length));
        List<TransformerLayer> cross = net.crossLayers("ta");
        for (int l = 0; l < cross.size(); l++) {
            NDList r = run(cross.get(l), h, taKeys.get(l).k, taKeys.get(l).v, secTA);
            copy("text<-audio." + l, r, watched, att);
            h = r.get(0);
        }
        return h.mean(new int[] {1});
    }

    private final Map<String, Map2> textMapCache = new LinkedHashMap<>();

    private boolean sameWords(List<float[]> used, double[] times) {
        if (used.size() != textWords.size() || !java.util.Arrays.equals(times, textTimes)) {
            return false;
        }
        for (int i = 0; i < used.size(); i++) {
            if (used.get(i) != textWords.get(i) && !java.util.Arrays.equals(used.get(i), textWords.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static void copy(String name, NDList r, Set<String> watched, Map<String, Map2> att) {
        if (watched.contains(name)) {
            long[] s = r.get(1).getShape().getShape();
            att.put(name, new Map2((int) s[1], (int) s[2], (int) s[3], r.get(1).toFloatArray(),
                    r.get(2).toFloatArray()));
        }
    }

    @Override
    public void close() {
        keep.close();
    }

    /** The video side of one face track: its self-attention caches, its keys for audio←video, its fused rows. */
    private final class FaceStream {
        final int track;
        double lastSeen;
        final NDManager own = keep.newSubManager();
        final List<Cache> videoSelf = new ArrayList<>();
        final List<Cache> avKeys = new ArrayList<>();
        final Cache avRows = new Cache(1, own);
        final Cache vaRows = new Cache(1, own);

        FaceStream(int track) {
            this.track = track;
            for (int l = 0; l < cfg.layers(); l++) {
                videoSelf.add(new Cache(2, own));
            }
            for (int l = 0; l < cfg.crossLayers(); l++) {
                avKeys.add(new Cache(2, own));
            }
        }

        /** Returns {sync, addressee} for this face. */
        double[] step(NDManager m, NDArray a, float[] token, NDArray sec, Set<String> watched, Map<String, Map2> att) {
            NDArray v = net.embed(ps, 'v', m.create(token, new Shape(1, 1, FusionConfig.VIDEO_DIM)));
            v = selfStackOwn(v, sec, watched, att);
            List<TransformerLayer> av = net.crossLayers("av");
            for (int l = 0; l < av.size(); l++) {
                avKeys.get(l).append(av.get(l).keysValues(ps, v));
            }
            // rows of a face stream that started late reach back only to its first frame
            NDArray secAv = avKeys.get(0).length() < sec.getShape().get(3)
                    ? sec.get(new NDIndex(":, :, :, {}:", sec.getShape().get(3) - avKeys.get(0).length())) : sec;
            NDArray q = a;
            for (int l = 0; l < av.size(); l++) {
                NDList r = run(av.get(l), q, avKeys.get(l).k, avKeys.get(l).v, secAv);
                copy("audio<-video." + l, r, watched, att);
                q = r.get(0);
            }
            avRows.append(q);
            NDArray secVa = sec;
            List<TransformerLayer> va = net.crossLayers("va");
            NDArray p = v;
            for (int l = 0; l < va.size(); l++) {
                NDList r = run(va.get(l), p, vaKeys.get(l).k, vaKeys.get(l).v, secVa);
                copy("video<-audio." + l, r, watched, att);
                p = r.get(0);
            }
            vaRows.append(p);
            NDArray fused = mean(avRows, m).concat(mean(vaRows, m), 1);
            double s = net.head(ps, "sync", fused).getFloat(0, 0);
            double ad = net.head(ps, "addressee", fused).getFloat(0, 0);
            return new double[] {sigmoid(s), sigmoid(ad)};
        }

        private NDArray selfStackOwn(NDArray x, NDArray sec, Set<String> watched, Map<String, Map2> att) {
            List<TransformerLayer> layers = net.selfLayers('v');
            NDArray secV = videoSelf.get(0).length() + 1 < sec.getShape().get(3)
                    ? sec.get(new NDIndex(":, :, :, {}:", sec.getShape().get(3) - videoSelf.get(0).length() - 1)) : sec;
            for (int l = 0; l < layers.size(); l++) {
                Cache c = videoSelf.get(l);
                c.append(layers.get(l).keysValues(ps, x));
                NDList r = run(layers.get(l), x, c.k, c.v, secV);
                copy("video.self." + l, r, watched, att);
                x = r.get(0);
            }
            return x;
        }

        void close() {
            own.close();
        }
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /**
     * The last {@code window} entries along the time axis of transposed keys (B,H,d_k,T: axis 3), values
     * (B,H,T,d_k: axis 2) or rows (B,T,D: axis 1), on a long-lived manager; replaced arrays are closed at once.
     */
    private final class Cache {
        final boolean keysValues;
        final NDManager home;
        NDArray k;
        NDArray v;
        NDArray rows;

        Cache(int kind) {
            this(kind, keep);
        }

        /** @param kind 2 = keys and values, 1 = rows */
        Cache(int kind, NDManager home) {
            this.keysValues = kind == 2;
            this.home = home;
        }

        long length() {
            return keysValues ? (v == null ? 0 : v.getShape().get(2)) : (rows == null ? 0 : rows.getShape().get(1));
        }

        void append(NDArray[] kv) {
            k = grow(k, kv[0], 3);
            v = grow(v, kv[1], 2);
        }

        void append(NDArray row) {
            rows = grow(rows, row, 1);
        }

        private NDArray grow(NDArray old, NDArray add, int axis) {
            NDArray next = old == null ? add.duplicate() : old.concat(add, axis);
            if (next.getShape().get(axis) > window) {
                NDArray cut = next.get(new NDIndex(":, ".repeat(axis) + "1:"));
                next.close();
                next = cut;
            }
            next.attach(home);
            if (old != null) {
                old.close();
            }
            return next;
        }
    }
}
