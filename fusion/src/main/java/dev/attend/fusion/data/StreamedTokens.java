package dev.attend.fusion.data;

import dev.attend.encoders.audio.features.AudioToken;
import dev.attend.encoders.audio.features.MelSpectrogram;
import dev.attend.encoders.audio.features.SpeechEmbedding;
import dev.attend.encoders.audio.features.SpeechFeatureExtractor;
import dev.attend.encoders.audio.features.SpeechFeatureListener;
import java.util.ArrayList;
import java.util.List;

/**
 * A window's audio tokens as the live pipeline makes them: the project's streaming
 * {@link SpeechFeatureExtractor} (80-ms blocks, 480 samples of context, one mel and one embedding call per block)
 * run over some audio from before the window and then the window, keeping the window's tokens. Batch tokens of the
 * same audio differ from the stream's (cosine mean 0.97, min 0.81: the mel model's floor depends on its call), so
 * training on streamed tokens removes a mismatch with live use.
 */
final class StreamedTokens {

    /** Samples streamed before the window: 13 blocks (1.04 s), more than one embedding's 76 mel frames. */
    static final int BEFORE = 13 * SpeechFeatureExtractor.BLOCK;

    private StreamedTokens() {
    }

    /**
     * @param before  audio before the window, a multiple of the block length
     * @param window  the window's samples, at least {@code n} blocks
     * @return [0] = n × 96 embeddings, [1] = their times (s from the window start, end of each token's last mel
     *         frame, as {@link dev.attend.fusion.live.FusionIntents} places a command's tokens)
     */
    static float[][] of(MelSpectrogram mel, SpeechEmbedding emb, float[] before, float[] window, int n) {
        if (before.length % SpeechFeatureExtractor.BLOCK != 0) {
            throw new IllegalArgumentException("audio before the window must be whole blocks: " + before.length);
        }
        if (window.length < n * SpeechFeatureExtractor.BLOCK) {
            throw new IllegalArgumentException(window.length + " samples give fewer than " + n + " tokens");
        }
        List<float[]> tokens = new ArrayList<>();
        SpeechFeatureExtractor x = new SpeechFeatureExtractor(mel, emb, new SpeechFeatureListener() {
            @Override
            public void onToken(AudioToken token) {
                tokens.add(token.vector());
            }
        });
        x.accept(0, before);
        x.accept(before.length / 16000.0, window);
        int skip = before.length / SpeechFeatureExtractor.BLOCK;
        float[] a = new float[n * AudioToken.DIM];
        float[] t = new float[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(tokens.get(skip + i), 0, a, i * AudioToken.DIM, AudioToken.DIM);
            t[i] = (float) (Math.round((i * 1280 + 1152) / 16000.0 * 1e6) / 1e6);
        }
        return new float[][] {a, t};
    }
}
