package dev.attend.fusion.train;

import dev.attend.fusion.data.FusionData;
import dev.attend.fusion.data.FusionDataset;
import dev.attend.fusion.model.FusionConfig;
import dev.attend.fusion.model.FusionInputs;
import dev.attend.fusion.model.SlotWords;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Training batches: a group of utterances with all their samples, so every in-sync window meets its own time-shifted
 * (or other-audio) video as a hard negative. The in-sync sample always has the transcript (text contrast and
 * alignment need it); the others have it 30 % of the time, so the intent head learns to work from audio alone.
 */
public final class BatchMaker {

    /** One batch: inputs and targets. */
    public record Batch(FusionInputs inputs, Targets targets, int[] sampleIds) {
    }

    /** Half an 80-ms token: a word's span is widened by this for the grid (training target and eval alike). */
    public static final double GRID_TOLERANCE = 0.04;
    private final FusionDataset data;
    private final FusionConfig cfg;
    private final List<List<Integer>> byUtterance = new ArrayList<>();
    private final Map<Integer, int[]> slotLabels = new java.util.HashMap<>();
    private final WordLabels words;

    public BatchMaker(FusionDataset data, FusionConfig cfg) {
        data.checkCompatible(cfg);
        this.data = data;
        this.cfg = cfg;
        Map<Integer, List<Integer>> m = new TreeMap<>();
        for (FusionData.Sample s : data.samples()) {
            m.computeIfAbsent(s.utterance(), k -> new ArrayList<>()).add(s.id());
        }
        byUtterance.addAll(m.values());
        words = new WordLabels(data, cfg);
    }

    /** Batches of one epoch, in an order fixed by {@code seed} and {@code epoch}. */
    public List<int[]> epoch(long seed, int epoch, int utterancesPerBatch) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < byUtterance.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed * 1_000_003L + epoch));
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i + utterancesPerBatch <= order.size(); i += utterancesPerBatch) {
            List<Integer> ids = new ArrayList<>();
            for (int k = i; k < i + utterancesPerBatch; k++) {
                ids.addAll(byUtterance.get(order.get(k)));
            }
            out.add(ids.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }

    public Batch make(int[] ids, Random r) {
        boolean[] withText = new boolean[ids.length];
        for (int i = 0; i < ids.length; i++) {
            withText[i] = "sync".equals(data.samples().get(ids[i]).condition()) || r.nextDouble() < 0.3;
        }
        FusionInputs in = data.inputs(cfg, ids, withText);
        Targets t = targets(ids, withText);
        if (cfg.wordHead()) {
            t = words.label(t, ids, in.audioMask());
        }
        return new Batch(in, t, ids);
    }

    Targets targets(int[] ids, boolean[] withText) {
        int b = ids.length;
        int tt = cfg.textTokens();
        int ta = cfg.audioTokens();
        float[] sync = new float[b];
        float[] addr = new float[b];
        long[] intent = new long[b];
        float[] align = new float[b * tt * ta];
        float[] avAnchor = new float[b];
        float[] avCols = new float[b * b];
        float[] atAnchor = new float[b];
        float[] atPos = new float[b * b];
        int heads = SlotWords.HEAD_SIZES.length;
        long[] slots = new long[b * heads];
        for (int i = 0; i < b; i++) {
            FusionData.Sample s = data.samples().get(ids[i]);
            FusionData.Utterance u = data.utterances().get(s.utterance());
            sync[i] = s.sync();
            addr[i] = s.addressee();
            intent[i] = cfg.intents().indexOf(u.intent());
            int[] sl = slotLabels.computeIfAbsent(u.id(), k -> SlotWords.labels(u.text(), u.intent()));
            for (int k = 0; k < heads; k++) {
                slots[i * heads + k] = sl[k];
            }
            boolean anchor = "sync".equals(s.condition());
            avAnchor[i] = anchor ? 1 : 0;
            atAnchor[i] = anchor && withText[i] ? 1 : 0;
            for (int j = 0; j < b; j++) {
                FusionData.Sample o = data.samples().get(ids[j]);
                boolean sameSpeechInSync = j != i && o.utterance() == s.utterance() && o.sync() == 1;
                avCols[i * b + j] = sameSpeechInSync ? 0 : 1;
                atPos[i * b + j] = u.text().equals(data.utterances().get(o.utterance()).text()) ? 1 : 0;
            }
            if (withText[i]) {
                alignTargets(data.audioTimes(s.utterance()), u.words(), align, i * tt * ta, tt, ta);
            }
        }
        return new Targets(b, tt, ta, sync, addr, intent, align, avAnchor, avCols, atAnchor, atPos, slots);
    }

    /** 1 for the audio tokens whose time lies in the word's span (± half a token); the nearest one if none does. */
    static void alignTargets(float[] times, List<FusionData.Word> words, float[] out, int off, int tt, int ta) {
        for (int w = 0; w < Math.min(tt, words.size()); w++) {
            FusionData.Word word = words.get(w);
            boolean any = false;
            for (int k = 0; k < ta; k++) {
                if (inSpan(times[k], word)) {
                    out[off + w * ta + k] = 1;
                    any = true;
                }
            }
            if (!any) {
                double mid = (word.start() + word.end()) / 2;
                int best = 0;
                for (int k = 1; k < ta; k++) {
                    if (Math.abs(times[k] - mid) < Math.abs(times[best] - mid)) {
                        best = k;
                    }
                }
                out[off + w * ta + best] = 1;
            }
        }
    }

    public static boolean inSpan(double t, FusionData.Word w) {
        return t >= w.start() - GRID_TOLERANCE && t <= w.end() + GRID_TOLERANCE;
    }
}
