package dev.attend.fusion.model;

import java.util.Random;

/** Random windows with known padding: window b keeps its first {@code len} audio/video/text tokens. */
public final class RandomInputs {

    private RandomInputs() {
    }

    public static FusionInputs of(FusionConfig cfg, int batch, long seed, int[] audioLen, int[] textLen) {
        Random r = new Random(seed);
        FusionInputs in = FusionInputs.empty(batch, cfg);
        fill(r, in.audio());
        fill(r, in.video());
        fill(r, in.text());
        int ta = cfg.audioTokens();
        int tv = cfg.videoTokens();
        int tt = cfg.textTokens();
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < ta; i++) {
                in.audioTime()[b * ta + i] = (float) ((i + 1) * FusionConfig.TOKEN_SECONDS);
                in.audioMask()[b * ta + i] = i < audioLen[b] ? 1f : 0f;
            }
            for (int j = 0; j < tv; j++) {
                in.videoTime()[b * tv + j] = (float) ((j + 1) * FusionConfig.TOKEN_SECONDS);
                in.videoMask()[b * tv + j] = 1f;
            }
            for (int w = 0; w < tt; w++) {
                in.textTime()[b * tt + w] = (float) (0.2 + 0.3 * w);
                in.textMask()[b * tt + w] = w < textLen[b] ? 1f : 0f;
            }
        }
        return in;
    }

    private static void fill(Random r, float[] a) {
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) r.nextGaussian();
        }
    }
}
