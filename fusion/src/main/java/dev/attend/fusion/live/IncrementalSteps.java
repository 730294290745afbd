package dev.attend.fusion.live;

import dev.attend.event.AttentionEvent;
import dev.attend.event.FusionEvent;
import dev.attend.fusion.model.FusionConfig;
import dev.attend.fusion.model.FusionModel;
import dev.attend.fusion.model.FusionStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The live steps of a relative-time model through {@link FusionStream}: the window's newest audio token, the faces
 * seen at its time and the words in the window go in; the {@code fusion} event (with a score per face) and, on
 * export steps, the watched maps come out. Audio and video maps are assembled from the rows each query produced
 * when it arrived (kept for the watched maps only): row = a step of the window, columns = the window's steps, 0 for
 * keys the row did not see (later ones, or ones older than its own 4 s). Word maps are the current step's.
 */
final class IncrementalSteps implements AutoCloseable {

    private record Row(double t, FusionStream.Map2 map, double[] keyTimes) {
    }

    private final FusionConfig cfg;
    private final FusionStream stream;
    private final Map<String, Deque<Row>> rows = new HashMap<>();
    private double fedUntil = Double.NEGATIVE_INFINITY;

    IncrementalSteps(FusionModel model) {
        this.cfg = model.config();
        this.stream = new FusionStream(model);
    }

    FusionRunner.Result step(StreamWindow w, Set<String> watched, boolean export, long step) {
        double t = w.end();
        List<StreamWindow.Word> words = w.wordsInWindow();
        List<float[]> vectors = new ArrayList<>();
        double[] wordTimes = new double[words.size()];
        for (int i = 0; i < words.size(); i++) {
            vectors.add(words.get(i).vector());
            wordTimes[i] = words.get(i).t();
        }
        // normally one new audio token per step; a caller that added several gets them all fed in order (the
        // earlier ones with the main face the window kept for them)
        List<StreamWindow.StepToken> todo = w.stepsAfter(fedUntil);
        FusionStream.Step r = todo.isEmpty() ? previous : null; // no new token: the same heads again, no maps
        lastExport = List.of();
        for (int i = 0; i < todo.size(); i++) {
            StreamWindow.StepToken s = todo.get(i);
            boolean last = i == todo.size() - 1;
            Map<Integer, float[]> faces = last ? w.faceTokens(s.t())
                    : s.track() == 0 ? Map.of() : Map.of(s.track(), s.video());
            r = stream.step(s.t(), s.audio(), faces, main(s), vectors, wordTimes, watched);
            keepRows(r, export && last, words, step, s.t());
        }
        fedUntil = t;
        previous = r;
        if (r == null) {
            throw new IllegalStateException("no new audio token since the last step at " + t);
        }
        float[] p = r.intent();
        Map<String, Double> intents = new LinkedHashMap<>();
        int best = 0;
        for (int i = 0; i < p.length; i++) {
            intents.put(cfg.intents().get(i), round(p[i]));
            best = p[i] > p[best] ? i : best;
        }
        List<FusionEvent.FaceScore> faces = new ArrayList<>();
        for (FusionStream.Face f : r.faces()) {
            faces.add(new FusionEvent.FaceScore(f.track(), round(f.sync()), round(f.addressee())));
        }
        FusionEvent heads = new FusionEvent(round(t), step, round(w.start()), round(r.sync()), round(r.addressee()),
                cfg.intents().get(best), round(p[best]), intents, w.track(), words.size(), faces);
        return new FusionRunner.Result(heads, lastExport);
    }

    private List<AttentionEvent> lastExport = List.of();
    private FusionStream.Step previous;
    private int mainTrack;
    private double mainSeen = Double.NEGATIVE_INFINITY;

    /** The main face; through a missed detection (up to {@link #MAIN_MEMORY}) the previous one stays main. */
    private int main(StreamWindow.StepToken s) {
        if (s.track() != 0) {
            mainTrack = s.track();
            mainSeen = s.t();
        } else if (s.t() - mainSeen > MAIN_MEMORY) {
            mainTrack = 0;
        }
        return mainTrack;
    }

    static final double MAIN_MEMORY = 1.0;

    private void keepRows(FusionStream.Step r, boolean export, List<StreamWindow.Word> words, long step, double t) {
        rows.keySet().retainAll(r.attention().keySet());
        List<AttentionEvent> att = new ArrayList<>();
        lastExport = att;
        r.attention().forEach((name, map) -> {
            if (name.startsWith("text")) {
                if (export) {
                    att.addAll(textMap(name, map, words, r.keyTimes(), t, step));
                }
                return;
            }
            Deque<Row> d = rows.computeIfAbsent(name, k -> new ArrayDeque<>());
            d.addLast(new Row(t, map, r.keyTimes()));
            while (d.size() > cfg.audioTokens()) {
                d.removeFirst();
            }
            if (export) {
                att.addAll(timeMap(name, d, r.keyTimes(), t, step));
            }
        });
    }

    private List<AttentionEvent> timeMap(String name, Deque<Row> d, double[] keyTimes, double t, long step) {
        double oldest = keyTimes[0];
        List<Row> q = d.stream().filter(r -> r.t() >= oldest - 1e-9).toList();
        int heads = q.get(0).map().heads();
        List<String> qs = q.stream().map(r -> fmt(r.t())).toList();
        List<String> ks = new ArrayList<>();
        Map<Double, Integer> col = new HashMap<>();
        for (int k = 0; k < keyTimes.length; k++) {
            ks.add(fmt(keyTimes[k]));
            col.put(keyTimes[k], k);
        }
        List<AttentionEvent> out = new ArrayList<>();
        for (int h = 0; h < heads; h++) {
            float[][] wm = new float[q.size()][keyTimes.length];
            float[][] sm = new float[q.size()][keyTimes.length];
            for (int i = 0; i < q.size(); i++) {
                Row r = q.get(i);
                int nk = r.map().keys();
                // a late face stream's row covers only the newest nk of the keys it was given
                int shift = r.keyTimes().length - nk;
                // both key lists are consecutive steps of one stream: one lookup per row gives the column offset
                int j0 = 0;
                while (j0 < nk && !col.containsKey(r.keyTimes()[shift + j0])) {
                    j0++;
                }
                if (j0 == nk) {
                    continue;
                }
                int c0 = col.get(r.keyTimes()[shift + j0]) - j0;
                int end = Math.min(nk, keyTimes.length - c0);
                for (int j = j0; j < end; j++) {
                    wm[i][c0 + j] = r.map().weights()[h * nk + j];
                    sm[i][c0 + j] = r.map().scores()[h * nk + j];
                }
            }
            out.add(event(name, step, h, t, qs, ks, wm, sm));
        }
        return out;
    }

    private List<AttentionEvent> textMap(String name, FusionStream.Map2 m, List<StreamWindow.Word> words,
                                         double[] keyTimes, double t, long step) {
        List<String> qs = words.subList(words.size() - m.queries(), words.size()).stream()
                .map(StreamWindow.Word::text).toList();
        List<String> ks = name.startsWith("text.self") ? qs
                : java.util.Arrays.stream(keyTimes).mapToObj(IncrementalSteps::fmt).toList();
        List<AttentionEvent> out = new ArrayList<>();
        for (int h = 0; h < m.heads(); h++) {
            float[][] wm = new float[m.queries()][m.keys()];
            float[][] sm = new float[m.queries()][m.keys()];
            for (int i = 0; i < m.queries(); i++) {
                for (int j = 0; j < m.keys(); j++) {
                    int idx = (h * m.queries() + i) * m.keys() + j;
                    wm[i][j] = m.weights()[idx];
                    sm[i][j] = m.scores()[idx];
                }
            }
            out.add(event(name, step, h, t, qs, ks, wm, sm));
        }
        return out;
    }

    private static AttentionEvent event(String name, long step, int head, double t, List<String> queries,
                                        List<String> keys, float[][] w, float[][] s) {
        String query = name.contains("<-") ? name.substring(0, name.indexOf("<-")) : name.substring(0, name.indexOf('.'));
        String key = name.contains("<-") ? name.substring(name.indexOf("<-") + 2, name.lastIndexOf('.')) : query;
        int layer = Integer.parseInt(name.substring(name.lastIndexOf('.') + 1));
        return new AttentionEvent(round(t), "fusion", (int) step, layer, head, query, key, queries, keys, w, s);
    }

    private static String fmt(double t) {
        return String.format(Locale.ROOT, "%.2f", t);
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    @Override
    public void close() {
        stream.close();
    }
}
