package dev.attend.fusion.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The video side of one face track in {@link FusionStream}: its self-attention caches, its keys for audio←video and
 * its fused rows, so every tracked face gets its own sync and addressee score. A stream that started late has fewer
 * keys than the window: its rows reach back only to its first frame.
 */
final class FaceTrack {

    final int track;
    double lastSeen;
    private final StreamWeights w;
    private final List<KeyRing> videoSelf = new ArrayList<>();
    private final List<KeyRing> avKeys = new ArrayList<>();
    private final RowRing avRows;
    private final RowRing vaRows;

    FaceTrack(int track, StreamWeights w, FusionConfig cfg) {
        this.track = track;
        this.w = w;
        int window = cfg.audioTokens();
        int d = cfg.dModel();
        for (int l = 0; l < cfg.layers(); l++) {
            videoSelf.add(new KeyRing(window, d));
        }
        for (int l = 0; l < cfg.crossLayers(); l++) {
            avKeys.add(new KeyRing(window, d));
        }
        avRows = new RowRing(window, d);
        vaRows = new RowRing(window, d);
    }

    /**
     * One step: {@code a} = the new audio row after audio self-attention, {@code token} this face's video token
     * (zeros when not seen), {@code seconds} the step's row of |t − t_k| over the window, {@code vaKeys} the audio
     * keys of the video←audio layers. Returns {sync, addressee} probabilities.
     */
    double[] step(float[] a, float[] token, float[] seconds, List<KeyRing> vaKeys, Set<String> watched,
                  Map<String, FusionStream.Map2> att) {
        float[] v = w.video.apply(token);
        for (int l = 0; l < w.selfV.size(); l++) {
            RowLayer layer = w.selfV.get(l);
            layer.cache(v, videoSelf.get(l));
            v = layer.step(v, videoSelf.get(l), seconds, "video.self." + l, watched, att);
        }
        for (int l = 0; l < w.crossAV.size(); l++) {
            w.crossAV.get(l).cache(v, avKeys.get(l));
        }
        float[] q = a;
        for (int l = 0; l < w.crossAV.size(); l++) {
            q = w.crossAV.get(l).step(q, avKeys.get(l), seconds, "audio<-video." + l, watched, att);
        }
        avRows.append(q);
        float[] p = v;
        for (int l = 0; l < w.crossVA.size(); l++) {
            p = w.crossVA.get(l).step(p, vaKeys.get(l), seconds, "video<-audio." + l, watched, att);
        }
        vaRows.append(p);
        float[] fused = RowMath.concat(avRows.mean(), vaRows.mean());
        return new double[] {RowMath.sigmoid(w.sync.apply(fused)[0]), RowMath.sigmoid(w.addressee.apply(fused)[0])};
    }
}
