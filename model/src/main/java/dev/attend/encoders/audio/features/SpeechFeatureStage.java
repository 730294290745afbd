package dev.attend.encoders.audio.features;

import dev.attend.encoders.audio.AudioModels;
import dev.attend.media.AudioChunk;
import dev.attend.pipeline.Stage;
import dev.attend.pipeline.StageContext;
import dev.attend.token.Token;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audio token stage: log-mel frames and speech embeddings from the audio bus. Each embedding is an audio
 * {@link Token} on the session's token bus (the one token API) and is fed to the {@link TokenConsumer}s (wake-word
 * heads) running on this stage's thread; frames and raw tokens also go to a local {@link AudioTokenStream} tap.
 */
public final class SpeechFeatureStage implements Stage<AudioChunk> {

    private static final Logger LOG = LoggerFactory.getLogger(SpeechFeatureStage.class);

    /** Primer embeddings handed to the heads: a full wake-word window. */
    static final int PRIMER_TOKENS = AudioModels.WAKE_WINDOW;

    private final String name;
    private final AudioTokenStream stream;
    private final List<TokenConsumer> consumers;
    private final int phases;
    private MelSpectrogram mel;
    private SpeechEmbedding embedding;
    private SpeechFeatureExtractor extractor;

    /**
     * @param name      stage name for stats, e.g. {@code wake}
     * @param stream    where mel frames and tokens are published (may have no listeners)
     * @param consumers heads fed with every token; the stage owns and closes them
     * @param phases    block phases offered to the heads (1, 2, 4 or 8; see {@link SpeechFeatureExtractor})
     */
    public SpeechFeatureStage(String name, AudioTokenStream stream, List<TokenConsumer> consumers, int phases) {
        SpeechFeatureExtractor.checkPhases(phases);
        this.name = Objects.requireNonNull(name);
        this.stream = Objects.requireNonNull(stream);
        this.consumers = List.copyOf(consumers);
        this.phases = phases;
    }

    /** One block phase (openWakeWord's framing only). */
    public SpeechFeatureStage(String name, AudioTokenStream stream, List<TokenConsumer> consumers) {
        this(name, stream, consumers, 1);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start(StageContext ctx) throws Exception {
        mel = MelSpectrogram.load();
        embedding = SpeechEmbedding.load();
        for (TokenConsumer c : consumers) {
            c.start(ctx);
        }
        extractor = new SpeechFeatureExtractor(mel, embedding, new SpeechFeatureListener() {
            @Override
            public void onMelFrame(MelFrame frame) {
                stream.onMelFrame(frame);
            }

            @Override
            public void onToken(AudioToken token) {
                stream.onToken(token);
                ctx.tokens().publish(Token.audio(token.index(), token.t(), token.vector()));
            }

            @Override
            public void onBlock(TokenBlock block) {
                for (TokenConsumer c : consumers) {
                    c.onBlock(block, ctx.events());
                }
            }
        }, phases);
        if (!consumers.isEmpty()) {
            // heads start from a history of silence, so a wake word at the very start of a stream is scored
            List<float[]> history = extractor.primer(PRIMER_TOKENS);
            for (TokenConsumer c : consumers) {
                c.prime(history);
            }
        }
    }

    @Override
    public void process(AudioChunk chunk, StageContext ctx) {
        extractor.accept(chunk.t(), chunk.samples());
    }

    @Override
    public void end(StageContext ctx) {
        for (TokenConsumer c : consumers) {
            c.end(ctx.events());
        }
    }

    @Override
    public void close() {
        for (TokenConsumer c : consumers) {
            try {
                c.close();
            } catch (RuntimeException e) {
                LOG.warn("wake head {} did not close cleanly", c.name(), e);
            }
        }
        if (embedding != null) {
            embedding.close();
            embedding = null;
        }
        if (mel != null) {
            mel.close();
            mel = null;
        }
    }
}
