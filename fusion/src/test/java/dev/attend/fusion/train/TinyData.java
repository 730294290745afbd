package dev.attend.fusion.train;

import dev.attend.fusion.data.FusionData;
import dev.attend.fusion.model.FusionConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small data folder with learnable structure, written in the real format: each utterance's audio is random, its
 * intent shifts the audio's mean, in-sync video repeats the audio's first 17 values, shifted video repeats them
 * 2 tokens late, and each word's text vector is the audio of its span.
 */
public final class TinyData {

    private TinyData() {
    }

    public static void write(Path dir, FusionConfig cfg, int utterances, long seed) throws IOException {
        Random r = new Random(seed);
        int ta = cfg.audioTokens();
        int tt = cfg.textTokens();
        FusionData.Header h = new FusionData.Header(FusionData.FORMAT, FusionData.VERSION, seed, 0.08, ta,
                cfg.videoTokens(), tt, FusionConfig.AUDIO_DIM, FusionConfig.VIDEO_DIM, FusionConfig.TEXT_DIM,
                cfg.intents(), List.of("tiny"), List.of("tiny"), 0, 0);
        int id = 0;
        try (FusionData.Writer w = new FusionData.Writer(dir, h)) {
            for (int u = 0; u < utterances; u++) {
                int intent = u % cfg.intents().size();
                float[] audio = new float[ta * FusionConfig.AUDIO_DIM];
                for (int i = 0; i < audio.length; i++) {
                    audio[i] = (float) r.nextGaussian() + (i % FusionConfig.AUDIO_DIM == intent ? 2f : 0f);
                }
                float[] times = new float[ta];
                for (int i = 0; i < ta; i++) {
                    times[i] = (float) ((i + 1) * 0.08);
                }
                List<FusionData.Word> words = new ArrayList<>();
                float[] text = new float[tt * FusionConfig.TEXT_DIM];
                for (int k = 0; k < Math.min(tt, ta / 2); k++) {
                    int tok = 2 * k;
                    words.add(new FusionData.Word("w" + k, times[tok] - 0.04, times[tok] + 0.03, times[tok]));
                    for (int d = 0; d < FusionConfig.AUDIO_DIM; d++) {
                        text[k * FusionConfig.TEXT_DIM + d] = audio[tok * FusionConfig.AUDIO_DIM + d];
                    }
                }
                w.utterance(new FusionData.Utterance(u, "tiny", 0, 0, 99, "text " + u, cfg.intents().get(intent), words),
                        audio, times, text);
                w.sample(new FusionData.Sample(id++, u, u, "tiny", "sync", 0, 1, 1), video(audio, cfg, 0));
                w.sample(new FusionData.Sample(id++, u, u, "tiny", "shift", 0.16, 0, 0), video(audio, cfg, 2));
                w.sample(new FusionData.Sample(id++, u, u, "tiny", "absent", 0, 0, 0),
                        new float[cfg.videoTokens() * FusionConfig.VIDEO_DIM]);
            }
        }
    }

    private static float[] video(float[] audio, FusionConfig cfg, int delay) {
        int dv = FusionConfig.VIDEO_DIM;
        float[] v = new float[cfg.videoTokens() * dv];
        for (int j = 0; j < cfg.videoTokens(); j++) {
            int src = j - delay;
            for (int d = 0; d < dv - 1; d++) {
                v[j * dv + d] = src < 0 ? 0 : audio[src * FusionConfig.AUDIO_DIM + d];
            }
            v[j * dv + dv - 1] = 1;
        }
        return v;
    }
}
