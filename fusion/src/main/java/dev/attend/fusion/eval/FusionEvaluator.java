package dev.attend.fusion.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attend.fusion.data.FusionData;
import dev.attend.fusion.data.FusionDataset;
import dev.attend.fusion.model.FusionConfig;
import dev.attend.fusion.model.FusionModel;
import dev.attend.fusion.model.FusionNet;
import dev.attend.fusion.train.BatchMaker;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures a model on a data folder (normally held-out voices and faces):
 * <ul>
 *   <li>AV sync: accuracy of the sync head at probability 0.5 over all windows, and its confidence: the mean
 *       probability it gives the right answer (continuous, so a small improvement shows before it flips a decision)</li>
 *   <li>addressee: ROC-AUC, and accuracy at the shipped threshold</li>
 *   <li>intent from audio alone (no transcript tokens), per in-sync window: accuracy and confusion matrix
 *       (rows = truth, columns = predicted); also with the transcript</li>
 *   <li>audio→text retrieval R@1 in batches of 64 different utterances (a hit = the retrieved text is the same text)</li>
 *   <li>alignment: share of words whose text←audio attention peak (mean over heads, last cross layer) is an audio
 *       token whose time lies in the word's true span (± 40 ms, half the token grid)</li>
 *   <li>slot heads (models that have them), audio alone on in-sync windows: {@link SlotScores}</li>
 *   <li>word head (models that have it), audio alone: {@link WordScores}</li>
 * </ul>
 */
public final class FusionEvaluator {

    public static final double ADDRESSEE_THRESHOLD = 0.5;
    public static final int RETRIEVAL_BATCH = 64;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 64;

    private FusionEvaluator() {
    }

    public static ObjectNode evaluate(FusionModel model, FusionDataset data) {
        FusionConfig cfg = model.config();
        data.checkCompatible(cfg);
        List<FusionData.Sample> samples = data.samples();
        int n = samples.size();
        double[] sync = new double[n];
        double[] addr = new double[n];
        int[] syncLabel = new int[n];
        int[] addrLabel = new int[n];
        List<Integer> anchors = new ArrayList<>();
        int syncHits = 0;
        double syncRight = 0;
        int addrHits = 0;
        java.util.Map<String, int[]> byCondition = new java.util.TreeMap<>(); // hits, count
        try (NDManager root = NDManager.newBaseManager(FusionModel.ENGINE)) {
            for (int s = 0; s < n; s += BATCH) {
                int[] ids = range(s, Math.min(n, s + BATCH));
                try (NDManager m = root.newSubManager()) {
                    NDList out = model.forward(m, data.inputs(cfg, ids, new boolean[ids.length]));
                    float[] ls = out.get(FusionNet.SYNC).toFloatArray();
                    float[] la = out.get(FusionNet.ADDRESSEE).toFloatArray();
                    for (int i = 0; i < ids.length; i++) {
                        FusionData.Sample smp = samples.get(ids[i]);
                        sync[ids[i]] = sigmoid(ls[i]);
                        addr[ids[i]] = sigmoid(la[i]);
                        syncLabel[ids[i]] = smp.sync();
                        addrLabel[ids[i]] = smp.addressee();
                        syncHits += (sync[ids[i]] > 0.5) == (smp.sync() == 1) ? 1 : 0;
                        syncRight += smp.sync() == 1 ? sync[ids[i]] : 1 - sync[ids[i]];
                        addrHits += (addr[ids[i]] > ADDRESSEE_THRESHOLD) == (smp.addressee() == 1) ? 1 : 0;
                        int[] c = byCondition.computeIfAbsent(smp.condition(), x -> new int[2]);
                        c[0] += (sync[ids[i]] > 0.5) == (smp.sync() == 1) ? 1 : 0;
                        c[1]++;
                        if ("sync".equals(smp.condition())) {
                            anchors.add(ids[i]);
                        }
                    }
                }
            }
            ObjectNode r = JSON.createObjectNode();
            r.put("samples", n);
            r.put("utterances", anchors.size());
            r.set("voices", JSON.valueToTree(data.header().voices()));
            r.set("faces", JSON.valueToTree(data.header().faces()));
            r.put("avSyncAccuracy", round(syncHits / (double) n));
            r.put("avSyncConfidence", round(syncRight / n));
            ObjectNode cond = r.putObject("avSyncAccuracyByCondition");
            byCondition.forEach((k, c) -> cond.put(k, round(c[0] / (double) c[1])));
            r.put("addresseeRocAuc", round(RocAuc.of(addr, addrLabel)));
            r.put("addresseeThreshold", ADDRESSEE_THRESHOLD);
            r.put("addresseeAccuracy", round(addrHits / (double) n));
            intentAndText(model, data, anchors, root, r);
            return r;
        }
    }

    private static void intentAndText(FusionModel model, FusionDataset data, List<Integer> anchors, NDManager root,
                                      ObjectNode r) {
        FusionConfig cfg = model.config();
        int k = cfg.intents().size();
        int[][] confusion = new int[k][k];
        int audioHits = 0;
        int textHits = 0;
        int words = 0;
        int aligned = 0;
        int retrievalHits = 0;
        int retrievalQueries = 0;
        int ta = cfg.audioTokens();
        int tt = cfg.textTokens();
        SlotScores slots = model.net().slotIndex() >= 0 ? new SlotScores() : null;
        WordScores heard = cfg.wordHead() ? new WordScores(cfg) : null;
        for (int s = 0; s + 1 < anchors.size() || s == 0; s += RETRIEVAL_BATCH) {
            int end = Math.min(anchors.size(), s + RETRIEVAL_BATCH);
            if (end <= s) {
                break;
            }
            int[] ids = anchors.subList(s, end).stream().mapToInt(Integer::intValue).toArray();
            boolean[] none = new boolean[ids.length];
            boolean[] all = new boolean[ids.length];
            java.util.Arrays.fill(all, true);
            try (NDManager m = root.newSubManager()) {
                NDList audioOnly = model.forward(m, data.inputs(cfg, ids, none));
                long[] predAudio = audioOnly.get(FusionNet.INTENT).argMax(1).toLongArray();
                if (slots != null) {
                    float[] logits = audioOnly.get(model.net().slotIndex()).toFloatArray();
                    for (int i = 0; i < ids.length; i++) {
                        FusionData.Utterance u = data.utterances().get(data.samples().get(ids[i]).utterance());
                        slots.add(logits, i, u.text(), u.intent());
                    }
                }
                if (heard != null) {
                    float[] logits = audioOnly.get(model.net().wordIndex()).toFloatArray();
                    for (int i = 0; i < ids.length; i++) {
                        int u = data.samples().get(ids[i]).utterance();
                        heard.add(logits, i, ta, cfg.wordClasses(), data.audioTimes(u), data.utterances().get(u));
                    }
                }
                NDList out = model.forward(m, data.inputs(cfg, ids, all));
                long[] predText = out.get(FusionNet.INTENT).argMax(1).toLongArray();
                float[] w = out.get(model.net().textAudioWeightsIndex()).mean(new int[] {1}).toFloatArray();
                NDArray za = unit(out.get(FusionNet.Z_AUDIO_TEXT));
                NDArray zt = unit(out.get(FusionNet.Z_TEXT));
                long[] best = za.matMul(zt.transpose()).argMax(1).toLongArray();
                for (int i = 0; i < ids.length; i++) {
                    FusionData.Utterance u = data.utterances().get(data.samples().get(ids[i]).utterance());
                    int truth = cfg.intents().indexOf(u.intent());
                    confusion[truth][(int) predAudio[i]]++;
                    audioHits += predAudio[i] == truth ? 1 : 0;
                    textHits += predText[i] == truth ? 1 : 0;
                    if (ids.length == RETRIEVAL_BATCH) {
                        FusionData.Utterance hit = data.utterances().get(data.samples().get(ids[(int) best[i]]).utterance());
                        retrievalHits += hit.text().equals(u.text()) ? 1 : 0;
                        retrievalQueries++;
                    }
                    float[] times = data.audioTimes(u.id());
                    for (int wi = 0; wi < Math.min(tt, u.words().size()); wi++) {
                        int off = (i * tt + wi) * ta;
                        int peak = 0;
                        for (int key = 1; key < ta; key++) {
                            if (w[off + key] > w[off + peak]) {
                                peak = key;
                            }
                        }
                        words++;
                        aligned += BatchMaker.inSpan(times[peak], u.words().get(wi)) ? 1 : 0;
                    }
                }
            }
        }
        int total = anchors.size();
        r.put("intentAccuracyAudioOnly", round(audioHits / (double) total));
        r.put("intentAccuracyWithText", round(textHits / (double) total));
        r.set("intents", JSON.valueToTree(cfg.intents()));
        ArrayNode cm = r.putArray("intentConfusion");
        for (int[] row : confusion) {
            ArrayNode a = cm.addArray();
            for (int v : row) {
                a.add(v);
            }
        }
        r.put("audioTextRecallAt1", retrievalQueries == 0 ? Double.NaN : round(retrievalHits / (double) retrievalQueries));
        r.put("retrievalBatch", RETRIEVAL_BATCH);
        r.put("retrievalQueries", retrievalQueries);
        r.put("alignment", round(aligned / (double) Math.max(1, words)));
        r.put("alignmentWords", words);
        if (slots != null) {
            slots.report(r);
        }
        if (heard != null) {
            heard.report(r);
        }
    }

    private static NDArray unit(NDArray z) {
        return z.div(z.square().sum(new int[] {1}, true).sqrt().add(1e-8f));
    }

    private static int[] range(int a, int b) {
        int[] r = new int[b - a];
        for (int i = 0; i < r.length; i++) {
            r[i] = a + i;
        }
        return r;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
