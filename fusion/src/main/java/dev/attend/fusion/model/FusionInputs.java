package dev.attend.fusion.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * A batch of fusion windows as flat float arrays (row-major), and its conversion to the network's inputs. Times are
 * seconds from the window start; masks are 1 for real tokens, 0 for padding.
 */
public record FusionInputs(int batch, FusionConfig cfg, float[] audio, float[] video, float[] text,
                           float[] audioTime, float[] videoTime, float[] textTime,
                           float[] audioMask, float[] videoMask, float[] textMask) {

    public static final int AUDIO = 0;
    public static final int VIDEO = 1;
    public static final int TEXT = 2;
    public static final int AUDIO_TIME = 3;
    public static final int VIDEO_TIME = 4;
    public static final int TEXT_TIME = 5;
    public static final int AUDIO_MASK = 6;
    public static final int VIDEO_MASK = 7;
    public static final int TEXT_MASK = 8;

    /** Zero-filled arrays for {@code batch} windows. */
    public static FusionInputs empty(int batch, FusionConfig cfg) {
        int ta = cfg.audioTokens();
        int tv = cfg.videoTokens();
        int tt = cfg.textTokens();
        return new FusionInputs(batch, cfg, new float[batch * ta * FusionConfig.AUDIO_DIM],
                new float[batch * tv * FusionConfig.VIDEO_DIM], new float[batch * tt * FusionConfig.TEXT_DIM],
                new float[batch * ta], new float[batch * tv], new float[batch * tt],
                new float[batch * ta], new float[batch * tv], new float[batch * tt]);
    }

    /** The shapes {@link FusionNet} is initialized with. */
    public static Shape[] shapes(int batch, FusionConfig cfg) {
        long b = batch;
        return new Shape[] {new Shape(b, cfg.audioTokens(), FusionConfig.AUDIO_DIM),
            new Shape(b, cfg.videoTokens(), FusionConfig.VIDEO_DIM), new Shape(b, cfg.textTokens(), FusionConfig.TEXT_DIM),
            new Shape(b, cfg.audioTokens()), new Shape(b, cfg.videoTokens()), new Shape(b, cfg.textTokens()),
            new Shape(b, cfg.audioTokens()), new Shape(b, cfg.videoTokens()), new Shape(b, cfg.textTokens())};
    }

    /** The arrays on {@code m}; keep m open until after backward and the optimizer step. */
    public NDList toNDList(NDManager m) {
        Shape[] s = shapes(batch, cfg);
        float[][] data = {audio, video, text, audioTime, videoTime, textTime, audioMask, videoMask, textMask};
        NDList list = new NDList(data.length);
        for (int i = 0; i < data.length; i++) {
            list.add(m.create(data[i], s[i]));
        }
        return list;
    }
}
