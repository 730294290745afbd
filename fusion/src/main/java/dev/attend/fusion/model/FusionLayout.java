package dev.attend.fusion.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;

/** The names and shapes of {@link FusionNet}'s outputs for a configuration (see the output table there). */
final class FusionLayout {

    private FusionLayout() {
    }

    static List<String> attentionNames(FusionConfig cfg) {
        List<String> n = new ArrayList<>();
        for (String m : List.of("audio.self.", "video.self.", "text.self.")) {
            for (int l = 0; l < cfg.layers(); l++) {
                n.add(m + l);
            }
        }
        for (String m : List.of("audio<-video.", "video<-audio.", "text<-audio.")) {
            for (int l = 0; l < cfg.crossLayers(); l++) {
                n.add(m + l);
            }
        }
        return n;
    }

    /** A two-layer ReLU head. */
    static ai.djl.nn.SequentialBlock mlp(int hidden, int out) {
        return new ai.djl.nn.SequentialBlock().add(ai.djl.nn.core.Linear.builder().setUnits(hidden).build())
                .add(ai.djl.nn.Activation::relu).add(ai.djl.nn.core.Linear.builder().setUnits(out).build());
    }

    /** A learned modality embedding (D). */
    static ai.djl.nn.Parameter modalityEmbedding(String name, int d) {
        // Type.OTHER: the trainer's Xavier initializer (for WEIGHT) leaves it to its own N(0, 0.02)
        return ai.djl.nn.Parameter.builder().setName(name).setType(ai.djl.nn.Parameter.Type.OTHER)
                .optShape(new Shape(d)).optInitializer(new ai.djl.training.initializer.NormalInitializer(0.02f)).build();
    }

    /** Logits of all slot heads side by side (action, number, unit). */
    static int slotClasses() {
        int n = 0;
        for (int k : SlotWords.HEAD_SIZES) {
            n += k;
        }
        return n;
    }

    /** Output shapes for inputs of shapes {@code s} (audio, video, text first). */
    static Shape[] outputShapes(FusionConfig cfg, Shape[] s) {
        long b = s[0].get(0);
        long ta = s[0].get(1);
        long tv = s[1].get(1);
        long tt = s[2].get(1);
        int d = cfg.dModel();
        int h = cfg.heads();
        List<Shape> r = new ArrayList<>(List.of(new Shape(b), new Shape(b), new Shape(b, cfg.intents().size()),
                new Shape(b, d), new Shape(b, d), new Shape(b, d), new Shape(b, d), new Shape(FusionNet.tasks(cfg))));
        List<Shape> att = new ArrayList<>();
        long[][] qk = {{ta, ta}, {tv, tv}, {tt, tt}};
        for (long[] p : qk) {
            for (int l = 0; l < cfg.layers(); l++) {
                att.add(new Shape(b, h, p[0], p[1]));
            }
        }
        long[][] cross = {{ta, tv}, {tv, ta}, {tt, ta}};
        for (long[] p : cross) {
            for (int l = 0; l < cfg.crossLayers(); l++) {
                att.add(new Shape(b, h, p[0], p[1]));
            }
        }
        r.addAll(att);
        r.addAll(att);
        if (cfg.slots()) {
            r.add(new Shape(b, slotClasses()));
        }
        if (cfg.wordHead()) {
            r.add(new Shape(b, ta, cfg.wordClasses()));
            r.add(new Shape(b, cfg.intents().size()));
        }
        return r.toArray(new Shape[0]);
    }

    /** Runs {@code layers} in turn (self-attention when {@code kv} is null), collecting their weights and scores. */
    static NDArray stack(ParameterStore ps, List<TransformerLayer> layers, NDArray x, NDArray kv, NDArray bias,
                         NDArray seconds, List<NDArray> weights, List<NDArray> scores, boolean training) {
        for (TransformerLayer layer : layers) {
            NDList in = seconds == null ? new NDList(x, kv == null ? x : kv, bias)
                    : new NDList(x, kv == null ? x : kv, bias, seconds);
            NDList r = layer.forward(ps, in, training);
            x = r.get(0);
            weights.add(r.get(1));
            scores.add(r.get(2));
        }
        return x;
    }

    /** A modality's tokens projected, plus its embedding (and, for absolute time, the sinusoids of their times). */
    static NDArray encode(FusionConfig cfg, ParameterStore ps, ai.djl.nn.core.Linear proj, ai.djl.nn.Parameter emb,
                          NDArray x, NDArray times, boolean training) {
        NDArray h = proj.forward(ps, new NDList(x), training).head().add(ps.getValue(emb, x.getDevice(), training));
        return cfg.relativeTime() ? h : h.add(TimeEncoding.of(times, cfg.dModel()));
    }
}
