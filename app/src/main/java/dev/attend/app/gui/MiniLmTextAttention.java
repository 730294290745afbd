package dev.attend.app.gui;

import dev.attend.event.EventSink;
import dev.attend.event.AttentionEvent;
import dev.attend.encoders.text.AttentionMaps;
import dev.attend.attention.AttentionTap;
import dev.attend.encoders.text.MiniLm;
import dev.attend.ui.attention.TextAttention;

/**
 * The lab's typed-text analysis: the bundled MiniLM with its attention outputs, loaded at the first sentence and
 * owned here until {@link #close()}. Emits exactly what {@link AttentionTap} emits for a transcript: one
 * {@code attention} event per layer × head, source {@code minilm}, tokens on both axes.
 */
public final class MiniLmTextAttention implements TextAttention, AutoCloseable {

    private final AttentionTap.ModelLoader loader;
    private MiniLm model; // guarded by this
    private boolean closed; // guarded by this

    public MiniLmTextAttention(AttentionTap.ModelLoader loader) {
        this.loader = loader;
    }

    /** The bundled model, sentences cut to {@link AttentionTap#DEFAULT_MAX_TOKENS} like transcripts. */
    public static MiniLmTextAttention bundled() {
        return new MiniLmTextAttention(() -> MiniLm.load(dev.attend.encoders.text.MiniLmFiles.BUNDLED,
                dev.attend.models.BundledModel.defaultCacheDir(), true, AttentionTap.DEFAULT_MAX_TOKENS));
    }

    @Override
    public synchronized int analyze(String text, int utterance, EventSink events) throws Exception {
        if (closed) {
            throw new IllegalStateException("the text model was closed; restart the app");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("type a sentence to analyse");
        }
        if (model == null) {
            model = loader.load();
        }
        AttentionMaps maps = model.attention(text);
        int n = 0;
        for (int l = 0; l < maps.layers(); l++) {
            for (int h = 0; h < maps.heads(); h++) {
                events.emit(new AttentionEvent(0, AttentionTap.SOURCE, utterance, l, h, AttentionEvent.AXIS_TOKENS,
                        AttentionEvent.AXIS_TOKENS, maps.tokens(), maps.tokens(), maps.weights(l, h),
                        maps.scores(l, h)));
                n++;
            }
        }
        return n;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (model != null) {
            model.close();
            model = null;
        }
    }
}
