package dev.attend.audioenc.wake;

import dev.attend.event.WakeEvent;
import dev.attend.audioenc.AudioModels;
import dev.attend.audioenc.features.AudioToken;
import dev.attend.audioenc.features.TokenConsumer;
import dev.attend.event.EventSink;
import dev.attend.pipeline.StageContext;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * One wake-word model on the audio token stream: scores every token against the last 16 and emits a {@code wake}
 * event when {@link WakeDecider} says so. The feature stage {@linkplain #prime primes} the history with embeddings
 * of silence, so scoring starts with the stream's first token (t = 0.072 s) and a wake word at the very start of a
 * file is heard; unprimed (used on its own), it waits for 16 real tokens (t = 1.272 s) rather than score a
 * half-empty history.
 */
public final class WakeWordSpotter implements TokenConsumer {

    private final String model;
    private final WakeOptions options;
    private final WakeDecider decider;
    private final float[] history = new float[AudioModels.WAKE_WINDOW * AudioToken.DIM];
    private long seen;
    private WakeWordModel net;
    private ScoreListener scoreListener = (t, s) -> { };

    /** Every score, for tests and tools. */
    @FunctionalInterface
    public interface ScoreListener {
        void onScore(double t, float score);
    }

    /** @throws IllegalArgumentException for a name that is not a bundled wake-word model */
    public WakeWordSpotter(String model, WakeOptions options) {
        AudioModels.wakeWord(model);
        this.model = model;
        this.options = Objects.requireNonNull(options);
        this.decider = new WakeDecider(options);
    }

    public WakeWordSpotter onScore(ScoreListener l) {
        this.scoreListener = Objects.requireNonNull(l);
        return this;
    }

    @Override
    public String name() {
        return model;
    }

    @Override
    public void start(StageContext ctx) throws IOException {
        net = WakeWordModel.load(model);
    }

    @Override
    public void prime(List<float[]> primer) {
        int n = Math.min(primer.size(), AudioModels.WAKE_WINDOW);
        for (int k = 0; k < n; k++) {
            float[] v = primer.get(primer.size() - n + k);
            System.arraycopy(v, 0, history, (AudioModels.WAKE_WINDOW - n + k) * AudioToken.DIM, AudioToken.DIM);
        }
        seen = n;
    }

    @Override
    public void onToken(AudioToken token, EventSink events) {
        System.arraycopy(history, AudioToken.DIM, history, 0, history.length - AudioToken.DIM);
        System.arraycopy(token.vector(), 0, history, history.length - AudioToken.DIM, AudioToken.DIM);
        if (++seen < AudioModels.WAKE_WINDOW) {
            return;
        }
        float score = net.score(history);
        scoreListener.onScore(token.t(), score);
        if (decider.accept(token.t(), score)) {
            events.emit(new WakeEvent(token.t(), model, Math.round(score * 1e4) / 1e4, options.threshold()));
        }
    }

    @Override
    public void close() {
        if (net != null) {
            net.close();
            net = null;
        }
    }
}
