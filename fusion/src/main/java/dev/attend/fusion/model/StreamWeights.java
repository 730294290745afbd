package dev.attend.fusion.model;

import java.util.List;

/**
 * The trained network's parts that the streaming step uses, copied once into plain-Java form ({@link RowLayer},
 * {@link RowMath.Dense}): the step then makes no libtorch call at all. A snapshot: a model trained further needs a
 * new stream.
 */
final class StreamWeights {

    /** A modality's input projection plus its modality embedding. */
    record Embed(RowMath.Dense proj, float[] emb) {
        float[] apply(float[] x) {
            return RowMath.add(proj.apply(x), emb);
        }
    }

    /** Linear → ReLU → Linear. */
    record Head(RowMath.Dense hidden, RowMath.Dense out) {
        float[] apply(float[] x) {
            float[] h = hidden.apply(x);
            RowMath.relu(h);
            return out.apply(h);
        }
    }

    final Embed audio;
    final Embed video;
    final Embed text;
    final List<RowLayer> selfA;
    final List<RowLayer> selfV;
    final List<RowLayer> selfT;
    final List<RowLayer> crossAV;
    final List<RowLayer> crossVA;
    final List<RowLayer> crossTA;
    final Head sync;
    final Head addressee;
    final Head intent;
    /** The intent head's pooling query, or null for mean pooling. */
    final float[] intentQuery;
    /** Intent from the words heard (no transcript), or null without a word head. */
    final RowMath.Dense audioIntent;

    StreamWeights(FusionNet net) {
        audio = embed(net, 'a');
        video = embed(net, 'v');
        text = embed(net, 't');
        selfA = rows(net.selfLayers('a'));
        selfV = rows(net.selfLayers('v'));
        selfT = rows(net.selfLayers('t'));
        crossAV = rows(net.crossLayers("av"));
        crossVA = rows(net.crossLayers("va"));
        crossTA = rows(net.crossLayers("ta"));
        sync = head(net, "sync");
        addressee = head(net, "addressee");
        intent = head(net, "intent");
        intentQuery = net.intentPool() == null ? null : net.intentPool().queryValues();
        audioIntent = net.audioIntent() == null ? null : RowMath.Dense.of(net.audioIntent());
    }

    private static Embed embed(FusionNet net, char m) {
        return new Embed(RowMath.Dense.of(net.projection(m)), net.embedding(m));
    }

    private static Head head(FusionNet net, String which) {
        var l = net.headLinears(which);
        return new Head(RowMath.Dense.of(l[0]), RowMath.Dense.of(l[1]));
    }

    private static List<RowLayer> rows(List<TransformerLayer> layers) {
        return layers.stream().map(RowLayer::new).toList();
    }
}
