package dev.attend.attention;

import dev.attend.encoders.text.AttentionMaps;
import dev.attend.encoders.text.EncoderOutput;
import dev.attend.encoders.text.MiniLm;
import dev.attend.encoders.text.MiniLmFiles;
import dev.attend.event.AsrEvents;
import dev.attend.event.AttendEvent;
import dev.attend.event.AttentionEvent;
import dev.attend.event.CoreEvents;
import dev.attend.event.EventBus;
import dev.attend.models.BundledModel;
import dev.attend.pipeline.Pipeline;
import dev.attend.pipeline.Stage;
import dev.attend.pipeline.StageContext;
import dev.attend.token.Token;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event stage that explains each final transcript with MiniLM: for each {@code asr.final} with text from the
 * session's event bus it emits one {@code attention} event per layer × head (72) and publishes the text's
 * contextual token vectors on the token bus (one {@link Token.Modality#TEXT} token per word piece, timed by the
 * word it belongs to). The model is loaded at the session's start when a stage takes those tokens (the fusion
 * model), else at the first final (sessions without transcripts never load it), and released when the stage closes. The pipeline emits {@code session.end} only after this stage finished its queue.
 */
public final class AttentionTap implements Stage<AttendEvent> {

    /** The {@code source} of MiniLM attention events, and this stage's name. */
    public static final String SOURCE = "minilm";
    /** Transcripts are cut to this many tokens for the lab ([CLS] and [SEP] included): 72 maps of S×S each. */
    public static final int DEFAULT_MAX_TOKENS = 64;

    private static final Logger LOG = LoggerFactory.getLogger(AttentionTap.class);

    /** Loads the attention-exposing model; called once, on the stage thread. */
    @FunctionalInterface
    public interface ModelLoader {
        MiniLm load() throws Exception;
    }

    private final ModelLoader loader;
    private MiniLm model;
    private boolean unavailable;

    public AttentionTap(ModelLoader loader) {
        this.loader = loader;
    }

    /** The bundled MiniLM, transcripts cut to {@link #DEFAULT_MAX_TOKENS}. */
    public static AttentionTap bundled() {
        return new AttentionTap(() -> MiniLm.load(MiniLmFiles.BUNDLED, BundledModel.defaultCacheDir(), true,
                DEFAULT_MAX_TOKENS));
    }

    /** Adds this stage to a session, fed with the finals it explains. */
    public Pipeline.Builder addTo(Pipeline.Builder b) {
        return b.eventStage(this, AsrEvents.Final.class);
    }

    @Override
    public String name() {
        return SOURCE;
    }

    /**
     * When a stage wants the text tokens (the fusion transformer), loads the model now, on this stage's thread at
     * the session's start: loaded at the first final instead, that utterance's tokens came seconds late, after its
     * audio had left the fusion model's window, so the first utterance never had text→audio maps.
     */
    @Override
    public void start(StageContext ctx) {
        if (ctx.tokens().hasSubscribers(Token.class)) {
            ready(0, ctx);
        }
    }

    @Override
    public void process(AttendEvent event, StageContext ctx) {
        if (event instanceof AsrEvents.Final f && f.text() != null && !f.text().isBlank()) {
            explain(f, ctx);
        }
    }

    private void explain(AsrEvents.Final f, StageContext ctx) {
        if (!ready(f.t(), ctx)) {
            return;
        }
        try {
            EncoderOutput out = model.encode(model.tokenizer().encode(f.text()));
            AttentionMaps maps = out.attention().get(0);
            List<String> tokens = maps.tokens();
            publishTokens(f, tokens, out.tokenEmbeddings(0), ctx.tokens());
            for (int l = 0; l < maps.layers(); l++) {
                for (int h = 0; h < maps.heads(); h++) {
                    ctx.events().emit(new AttentionEvent(f.t(), SOURCE, f.utterance(), l, h,
                            AttentionEvent.AXIS_TOKENS, AttentionEvent.AXIS_TOKENS, tokens, tokens,
                            maps.weights(l, h), maps.scores(l, h)));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("attention of utterance {} failed: {}", f.utterance(), e.getMessage(), e);
        }
    }

    /** Loads the model once; false when it cannot be had (reported once, as a non-fatal error at time t). */
    private boolean ready(double t, StageContext ctx) {
        if (unavailable) {
            return false;
        }
        try {
            if (model == null) {
                model = loader.load();
            }
            return true;
        } catch (Exception | LinkageError e) { // LinkageError: natives that cannot load on this platform
            unavailable = true;
            if (stopping(e)) {
                // Ctrl+C while the first final was loading the model (slow ASR sends it late): not a model fault
                LOG.debug("MiniLM load cut short by the session's stop", e);
                return false;
            }
            LOG.error("MiniLM attention unavailable: {}", e.getMessage());
            LOG.debug("MiniLM load failure", e);
            ctx.events().emit(new CoreEvents.SourceError(t, SOURCE, "attention maps unavailable: "
                    + e.getMessage(), false));
            return false;
        }
    }

    /** The load failed because the session is stopping: this thread was interrupted, or that is the cause. */
    static boolean stopping(Throwable e) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof InterruptedException || c instanceof java.io.InterruptedIOException
                    || c instanceof java.nio.channels.ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }

    private static void publishTokens(AsrEvents.Final f, List<String> pieces, float[][] vectors,
                                      EventBus<Token> tokens) {
        if (!tokens.hasSubscribers(Token.class)) {
            LOG.debug("utterance {}: no token subscriber, {} text tokens not published", f.utterance(), pieces.size());
            return;
        }
        LOG.debug("utterance {}: publishing {} text tokens", f.utterance(), pieces.size());
        double[] times = TextTokenTimes.of(pieces, f);
        for (int i = 0; i < pieces.size(); i++) {
            tokens.publish(Token.text(f.utterance(), i, times[i], pieces.get(i), vectors[i]));
        }
    }

    /** Releases the model. */
    @Override
    public void close() {
        if (model != null) {
            model.close();
            model = null;
        }
    }
}
