package dev.attend.fusion.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The multimodal fusion transformer. Each modality is projected to d_model with a learned modality embedding; media
 * time enters as a per-head penalty on the seconds between query and key ({@link FusionConfig#relativeTime()}; or,
 * in old checkpoints, sinusoids of window time); then self-attention per modality, cross-modal attention
 * (audio←video, video←audio, text←audio) and the task heads. Audio and video attention is causal in time (a query
 * never sees a later key), so a sliding window computes exactly what streaming would.
 *
 * <pre>
 * inputs : see {@link FusionInputs}: audio, video, text, their times (s) and their masks (1 = real token)
 * outputs: [0] sync logit (B)  [1] addressee logit (B)  [2] intent logits (B,I)
 *          [3] z audio→video (B,D)  [4] z video (B,D)  [5] z audio→text (B,D)  [6] z text (B,D)
 *          [7] uncertainty log-variances s (5)
 *          then weights (B,H,Tq,Tk) of every attention in {@link #attentionNames()} order, then their scores,
 *          then (models with {@link FusionConfig#slots()}) the slot logits (B,S) at {@link #slotIndex()}: the
 *          action, duration-number and duration-unit heads side by side ({@link SlotWords}), then (models with
 *          {@link FusionConfig#wordHead()}) the word logits (B,Ta,K) at {@link #wordIndex()} ({@link WordHead}); their
 *          masked max and mean log-posteriors replace the pooled audio in the intent and audio→text heads, are the
 *          slot heads' input, and give the intent of a window without transcript (a linear layer; its logits follow)
 * </pre>
 */
public final class FusionNet extends AbstractBlock {

    public static final int SYNC = 0;
    public static final int ADDRESSEE = 1;
    public static final int INTENT = 2;
    public static final int Z_AUDIO_VIDEO = 3;
    public static final int Z_VIDEO = 4;
    public static final int Z_AUDIO_TEXT = 5;
    public static final int Z_TEXT = 6;
    public static final int LOG_VARS = 7;
    public static final int FIRST_ATTENTION = 8;
    /** Tasks weighted by learned uncertainty: sync, addressee, intent, alignment, contrastive. */
    public static final int TASKS = 5;

    private final FusionConfig cfg;
    private final Linear projA;
    private final Linear projV;
    private final Linear projT;
    private final Parameter embA;
    private final Parameter embV;
    private final Parameter embT;
    private final Parameter logVars;
    private final List<TransformerLayer> selfA = new ArrayList<>();
    private final List<TransformerLayer> selfV = new ArrayList<>();
    private final List<TransformerLayer> selfT = new ArrayList<>();
    private final List<TransformerLayer> crossAV = new ArrayList<>();
    private final List<TransformerLayer> crossVA = new ArrayList<>();
    private final List<TransformerLayer> crossTA = new ArrayList<>();
    private final Linear zAv;
    private final Linear zV;
    private final Linear zAt;
    private final Linear zT;
    private final SequentialBlock syncHead;
    private final SequentialBlock addresseeHead;
    private final SequentialBlock intentHead;
    private final AttentionPool intentPool; // null with mean pooling (older checkpoints)
    private final AttentionPool textPool;
    private final SequentialBlock slotHead; // null without slot heads (older checkpoints)
    private final WordHead wordHead; // null without a word head (older checkpoints)
    private final Linear audioIntent; // with a word head: intent from the words heard alone

    public FusionNet(FusionConfig cfg) {
        super((byte) 1);
        this.cfg = cfg;
        int d = cfg.dModel();
        projA = addChildBlock("projA", Linear.builder().setUnits(d).build());
        projV = addChildBlock("projV", Linear.builder().setUnits(d).build());
        projT = addChildBlock("projT", Linear.builder().setUnits(d).build());
        embA = addParameter(FusionLayout.modalityEmbedding("embA", d));
        embV = addParameter(FusionLayout.modalityEmbedding("embV", d));
        embT = addParameter(FusionLayout.modalityEmbedding("embT", d));
        logVars = addParameter(Parameter.builder().setName("logVars").setType(Parameter.Type.OTHER)
                .optShape(new Shape(tasks(cfg))).optInitializer(new ConstantInitializer(0f)).build());
        for (int l = 0; l < cfg.layers(); l++) {
            selfA.add(addChildBlock("selfA" + l, layer()));
            selfV.add(addChildBlock("selfV" + l, layer()));
            selfT.add(addChildBlock("selfT" + l, layer()));
        }
        for (int l = 0; l < cfg.crossLayers(); l++) {
            crossAV.add(addChildBlock("crossAV" + l, layer()));
            crossVA.add(addChildBlock("crossVA" + l, layer()));
            crossTA.add(addChildBlock("crossTA" + l, layer()));
        }
        zAv = addChildBlock("zAv", Linear.builder().setUnits(d).build());
        zV = addChildBlock("zV", Linear.builder().setUnits(d).build());
        zAt = addChildBlock("zAt", Linear.builder().setUnits(d).build());
        zT = addChildBlock("zT", Linear.builder().setUnits(d).build());
        syncHead = addChildBlock("syncHead", FusionLayout.mlp(d, 1));
        addresseeHead = addChildBlock("addresseeHead", FusionLayout.mlp(d, 1));
        intentHead = addChildBlock("intentHead", FusionLayout.mlp(d, cfg.intents().size()));
        // added last, and only for new models: older checkpoints keep their parameter layout
        // with a word head the words heard replace the pooled audio encoding in the intent, slot and audio→text heads
        boolean pools = cfg.attentionPool() && !cfg.wordHead();
        intentPool = pools ? addChildBlock("intentPool", new AttentionPool(d)) : null;
        textPool = pools ? addChildBlock("textPool", new AttentionPool(d)) : null;
        slotHead = cfg.slots() ? addChildBlock("slotHead", FusionLayout.mlp(d, FusionLayout.slotClasses())) : null;
        wordHead = cfg.wordHead()
                ? addChildBlock("wordHead", new WordHead(cfg.wordClasses(), cfg.dropout(), cfg.wordFloor())) : null;
        audioIntent = cfg.wordHead() ? addChildBlock("audioIntent",
                Linear.builder().setUnits(cfg.intents().size()).build()) : null;
    }

    /** Tasks weighted by learned uncertainty in a model of this configuration: {@link #TASKS}, plus the word head's. */
    public static int tasks(FusionConfig cfg) { return TASKS + (cfg.wordHead() ? 1 : 0); }

    /** Index of the word logits (B,Ta,K) in the outputs, or −1 for a model without a word head. */
    public int wordIndex() {
        return wordHead == null ? -1 : FIRST_ATTENTION + 2 * attentionNames().size() + (slotHead == null ? 0 : 1);
    }

    /** The word head, or null. */
    public WordHead wordHead() { return wordHead; }

    /** The intent-from-the-words-heard layer (windows without a transcript), or null. */
    public Linear audioIntent() { return audioIntent; }

    /** Index of the slot logits in the outputs, or −1 for a model without slot heads. */
    public int slotIndex() { return slotHead == null ? -1 : FIRST_ATTENTION + 2 * attentionNames().size(); }

    public FusionConfig config() { return cfg; }

    List<TransformerLayer> selfLayers(char m) { return m == 'a' ? selfA : m == 'v' ? selfV : selfT; }

    List<TransformerLayer> crossLayers(String p) { return "av".equals(p) ? crossAV : "va".equals(p) ? crossVA : crossTA; }

    Linear projection(char m) { return m == 'a' ? projA : m == 'v' ? projV : projT; }

    /** The modality embedding's values (D). */
    float[] embedding(char modality) {
        return (modality == 'a' ? embA : modality == 'v' ? embV : embT).getArray().toFloatArray();
    }

    /** The two Linears of a head ({@code sync}, {@code addressee}, {@code intent}). */
    Linear[] headLinears(String which) {
        SequentialBlock h = "sync".equals(which) ? syncHead : "addressee".equals(which) ? addresseeHead : intentHead;
        return new Linear[] {(Linear) h.getChildren().get(0).getValue(), (Linear) h.getChildren().get(2).getValue()};
    }

    /** The intent head's attention pooling of the audio, or null (mean pooling). */
    AttentionPool intentPool() { return intentPool; }

    private TransformerLayer layer() {
        return new TransformerLayer(cfg.dModel(), cfg.heads(), cfg.ffnDim(), cfg.dropout(), cfg.relativeTime());
    }

    /** Attention names in output order, e.g. {@code audio.self.0}, {@code audio<-video.0}, {@code text<-audio.0}. */
    public List<String> attentionNames() {
        return FusionLayout.attentionNames(cfg);
    }

    /** The attention names of a model of this configuration. */
    public static List<String> attentionNames(FusionConfig cfg) {
        return FusionLayout.attentionNames(cfg);
    }

    /** Index of the text←audio weights of the last cross layer in the outputs (what alignment is read from). */
    public int textAudioWeightsIndex() {
        return FIRST_ATTENTION + attentionNames().size() - 1;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
        NDArray audio = in.get(FusionInputs.AUDIO);
        NDArray video = in.get(FusionInputs.VIDEO);
        NDArray text = in.get(FusionInputs.TEXT);
        NDArray ta = in.get(FusionInputs.AUDIO_TIME);
        NDArray tv = in.get(FusionInputs.VIDEO_TIME);
        NDArray tt = in.get(FusionInputs.TEXT_TIME);
        NDArray ma = in.get(FusionInputs.AUDIO_MASK);
        NDArray mv = in.get(FusionInputs.VIDEO_MASK);
        NDArray mt = in.get(FusionInputs.TEXT_MASK);
        // x.op(param), never param.op(x): results land on the receiver's (batch) manager
        NDArray a = FusionLayout.encode(cfg, ps, projA, embA, audio, ta, training);
        NDArray v = FusionLayout.encode(cfg, ps, projV, embV, video, tv, training);
        NDArray t = FusionLayout.encode(cfg, ps, projT, embT, text, tt, training);
        NDArray biasAA = Masks.bias(ta, ta, ma, true);
        NDArray biasVV = Masks.bias(tv, tv, mv, true);
        NDArray biasTT = Masks.bias(tt, tt, mt, false);
        NDArray biasAV = Masks.bias(ta, tv, mv, true);
        NDArray biasVA = Masks.bias(tv, ta, ma, true);
        NDArray biasTA = Masks.bias(tt, ta, ma, false);
        List<NDArray> weights = new ArrayList<>();
        List<NDArray> scores = new ArrayList<>();
        boolean rel = cfg.relativeTime();
        NDArray secAV = rel ? Masks.seconds(ta, tv) : null;
        NDArray secVA = rel ? Masks.seconds(tv, ta) : null;
        NDArray secAA = rel ? Masks.seconds(ta, ta) : null;
        a = FusionLayout.stack(ps, selfA, a, null, biasAA, secAA, weights, scores, training);
        v = FusionLayout.stack(ps, selfV, v, null, biasVV, rel ? Masks.seconds(tv, tv) : null, weights, scores, training);
        t = FusionLayout.stack(ps, selfT, t, null, biasTT, rel ? Masks.seconds(tt, tt) : null, weights, scores, training);
        NDArray poolAudio = Masks.pool(a, ma);
        NDArray poolVideo = Masks.pool(v, mv);
        NDArray poolText = Masks.pool(t, mt);
        NDArray av = FusionLayout.stack(ps, crossAV, a, v, biasAV, secAV, weights, scores, training);
        NDArray va = FusionLayout.stack(ps, crossVA, v, a, biasVA, secVA, weights, scores, training);
        NDArray txa = FusionLayout.stack(ps, crossTA, t, a, biasTA, rel ? Masks.seconds(tt, ta) : null, weights, scores, training);
        NDArray fusedAv = Masks.pool(av, ma).concat(Masks.pool(va, mv), 1);
        NDArray sync = syncHead.forward(ps, new NDList(fusedAv), training).head();
        NDArray addressee = addresseeHead.forward(ps, new NDList(fusedAv), training).head();
        NDArray words = wordHead == null ? null : wordHead.forward(ps, new NDList(audio, ma), training).head();
        // the words heard (masked max/mean log-posteriors) stand for the audio where the model has a word head: the
        // pooled encoding beside them let the intent head fit the training voices (held-out intent 0.73 with both)
        NDArray heard = words == null ? null
                : wordHead.standardizeHeard(ps, WordHead.pooledLogPosteriors(words, ma, wordHead.floor()), training);
        NDArray audioForIntent = heard != null ? heard : intentPool == null ? poolAudio
                : intentPool.forward(ps, new NDList(a, ma), training).head();
        NDArray audioForText = heard != null ? heard : textPool == null ? poolAudio
                : textPool.forward(ps, new NDList(a, ma), training).head();
        NDArray intentIn = audioForIntent.concat(Masks.pool(txa, mt), 1);
        NDArray intent = intentHead.forward(ps, new NDList(intentIn), training).head();
        NDArray fromSound = audioIntent == null ? null : audioIntent.forward(ps, new NDList(heard), training).head();
        if (fromSound != null) { // windows without a transcript: the words heard alone decide (trained on every window)
            NDArray hasText = mt.max(new int[] {1}, true);
            intent = intent.mul(hasText).add(fromSound.mul(hasText.neg().add(Const.of(hasText, 1f))));
        }
        long b = audio.getShape().get(0);
        NDList out = new NDList(sync.reshape(b), addressee.reshape(b), intent,
                zAv.forward(ps, new NDList(poolAudio), training).head(),
                zV.forward(ps, new NDList(poolVideo), training).head(),
                zAt.forward(ps, new NDList(audioForText), training).head(),
                zT.forward(ps, new NDList(poolText), training).head(),
                ps.getValue(logVars, audio.getDevice(), training));
        out.addAll(new NDList(weights));
        out.addAll(new NDList(scores));
        if (slotHead != null) {
            out.add(slotHead.forward(ps, new NDList(heard == null ? intentIn : heard), training).head());
        }
        if (words != null) {
            out.add(words);
            out.add(fromSound);
        }
        return out;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] s) {
        return FusionLayout.outputShapes(cfg, s);
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType dt, Shape... s) {
        long b = s[0].get(0);
        int d = cfg.dModel();
        Shape sa = new Shape(b, s[0].get(1), d);
        Shape sv = new Shape(b, s[1].get(1), d);
        Shape st = new Shape(b, s[2].get(1), d);
        Shape mask = new Shape(b, 1, 1, 1);
        projA.initialize(m, dt, s[0]);
        projV.initialize(m, dt, s[1]);
        projT.initialize(m, dt, s[2]);
        for (int l = 0; l < cfg.layers(); l++) {
            selfA.get(l).initialize(m, dt, sa, sa, mask);
            selfV.get(l).initialize(m, dt, sv, sv, mask);
            selfT.get(l).initialize(m, dt, st, st, mask);
        }
        for (int l = 0; l < cfg.crossLayers(); l++) {
            crossAV.get(l).initialize(m, dt, sa, sv, mask);
            crossVA.get(l).initialize(m, dt, sv, sa, mask);
            crossTA.get(l).initialize(m, dt, st, sa, mask);
        }
        Shape pooled = new Shape(b, d);
        zAv.initialize(m, dt, pooled);
        zV.initialize(m, dt, pooled);
        long audioIn = cfg.wordHead() ? 2L * cfg.wordClasses() : d; // the words heard, or the pooled audio
        zAt.initialize(m, dt, new Shape(b, audioIn));
        zT.initialize(m, dt, pooled);
        syncHead.initialize(m, dt, new Shape(b, 2L * d));
        addresseeHead.initialize(m, dt, new Shape(b, 2L * d));
        intentHead.initialize(m, dt, new Shape(b, audioIn + d));
        if (slotHead != null) {
            slotHead.initialize(m, dt, new Shape(b, cfg.wordHead() ? audioIn : audioIn + d));
        }
        if (wordHead != null) {
            wordHead.initialize(m, dt, s[0], new Shape(b, s[0].get(1)));
            audioIntent.initialize(m, dt, new Shape(b, audioIn));
        }
        if (intentPool != null) {
            intentPool.initialize(m, dt, sa, new Shape(b, s[0].get(1)));
            textPool.initialize(m, dt, sa, new Shape(b, s[0].get(1)));
        }
    }
}
