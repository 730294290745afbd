package dev.attend.encoders.audio.wake;

import dev.attend.event.WakeEvent;
import dev.attend.encoders.audio.AudioModels;
import dev.attend.encoders.audio.features.TokenBlock;
import dev.attend.encoders.audio.features.TokenConsumer;
import dev.attend.event.EventSink;
import dev.attend.pipeline.StageContext;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * One wake-word model on the audio token stream: per 80 ms block it scores the last 16 tokens of each block phase
 * ({@link WakeScorer}; phases other than 0 only near a non-negligible score), takes the best, and emits a {@code wake} event when {@link WakeDecider} hands out a
 * detection. The feature stage {@linkplain #prime primes} the histories with embeddings of silence, so scoring
 * starts with the stream's first token (t = 0.072 s) and a wake word at the very start of a file is heard; unprimed
 * (used on its own), it waits for 16 real tokens (t = 1.272 s) rather than score a half-empty history.
 */
public final class WakeWordSpotter implements TokenConsumer {

    private final String model;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WakeWordSpotter.class);

    private final WakeOptions options;
    private final VerifierSource verifiers;
    private WakeDecider decider;
    private double threshold;
    private WakeVerifier verifier;
    private WakeWordModel net;
    private WakeScorer scorer;
    private ScoreListener scoreListener = s -> { };

    /** Every block's scores, for tests and tools. */
    @FunctionalInterface
    public interface ScoreListener {
        void onScores(PhaseScores scores);
    }

    /** Where a model's verifier comes from (the bundled one; tests give others). */
    @FunctionalInterface
    public interface VerifierSource {
        WakeVerifier load(String model) throws IOException;
    }

    /** @throws IllegalArgumentException for a name that is not a bundled wake-word model */
    public WakeWordSpotter(String model, WakeOptions options) {
        this(model, options, WakeVerifiers::load);
    }

    public WakeWordSpotter(String model, WakeOptions options, VerifierSource verifiers) {
        AudioModels.wakeWord(model);
        this.model = model;
        this.options = Objects.requireNonNull(options);
        this.verifiers = Objects.requireNonNull(verifiers);
        this.decider = new WakeDecider(options.forModel(model));
        this.threshold = options.threshold();
    }

    /** The verifier in use, or null (off, or it could not be loaded: first-stage scoring). */
    public WakeVerifier verifier() {
        return verifier;
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
        scorer = new WakeScorer(net, options);
        verifier = null;
        if (options.verify()) {
            try {
                verifier = verifiers.load(model);
                WakeOptions first = options.candidates(verifier.candidate());
                decider = new WakeDecider(first.forModel(model));
                threshold = first.threshold();
            } catch (IOException | RuntimeException e) {
                // never silently deaf: say why, and keep the first stage at the user's threshold
                LOG.warn("wake word {}: second-stage verifier not used ({}); first-stage scoring at threshold {}",
                        model, e.getMessage(), options.threshold());
            }
        }
    }

    @Override
    public void prime(List<float[]> history) {
        scorer.prime(history);
    }

    @Override
    public void onBlock(TokenBlock block, EventSink events) {
        PhaseScores s = scorer.score(block);
        int best = s.best();
        if (best < 0) {
            return;
        }
        scoreListener.onScores(s);
        WakeVerifier v = verifier;
        emit(decider.accept(s.t()[best], s.kth(options.votes()), () -> verified(v, s, best)), events);
    }

    /**
     * Whether the verifier accepts the best phase's window. In a stream's first {@link AudioModels#WAKE_WINDOW}
     * blocks the window still holds primer tokens, which no verifier was trained on (its clips all had seconds of
     * audio before the word): there the first stage decides alone, at the user's threshold for this model.
     */
    private boolean verified(WakeVerifier v, PhaseScores s, int best) {
        if (v == null) {
            return true;
        }
        if (s.block() < AudioModels.WAKE_WINDOW) {
            return s.score()[best] >= options.forModel(model).threshold();
        }
        return v.accepts(scorer.window(best), s.score()[best]);
    }

    @Override
    public void end(EventSink events) {
        emit(decider.finish(), events);
    }

    private void emit(WakeDecider.Detection d, EventSink events) {
        if (d != null) {
            events.emit(event(model, d, threshold));
        }
    }

    /** The event of a detection, scores rounded to 4 decimals. */
    public static WakeEvent event(String model, WakeDecider.Detection d, double threshold) {
        return new WakeEvent(d.t(), model, round4(d.score()), threshold, round4(d.peak()), d.peakT());
    }

    private static double round4(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    @Override
    public void close() {
        if (net != null) {
            net.close();
            net = null;
        }
    }
}
