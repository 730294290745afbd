package dev.attend.fusion.live;

import dev.attend.event.AttentionEvent;
import dev.attend.fusion.model.FusionModel;
import dev.attend.pipeline.Stage;
import dev.attend.pipeline.StageContext;
import dev.attend.token.Token;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fusion transformer on the pipeline's token bus: every audio token (80 ms) moves the window on and gives one
 * {@code fusion} event, plus {@code attention} events (source {@code fusion}) of the watched maps every
 * {@code attentionEvery} steps. Video tokens update the face; text tokens (word pieces of a final) become the
 * window's words.
 */
public final class FusionStage implements Stage<Token> {

    private final Path modelDir;
    private final AttentionWatch watch;
    private final int attentionEvery;
    private FusionModel model;
    private FusionRunner runner;
    private StreamWindow window;
    private int utterance = Integer.MIN_VALUE;
    private final List<StreamWindow.Word> words = new ArrayList<>();
    private final List<float[]> pieceVectors = new ArrayList<>();
    private final StringBuilder pieceText = new StringBuilder();
    private double pieceStart;
    private long steps;
    /** With video, audio tokens wait (at most {@link #MAX_PENDING}) until the video stream has reached their time. */
    private final boolean hasVideo;
    private static final int MAX_PENDING = 64;
    private final java.util.ArrayDeque<Token> pending = new java.util.ArrayDeque<>();
    private double videoTime = Double.NEGATIVE_INFINITY;

    /**
     * @param modelDir       a model folder from {@code attend train}, or null for the bundled model
     * @param attentionEvery export the watched maps every this many steps (1 = every 80 ms)
     */
    public FusionStage(Path modelDir, AttentionWatch watch, int attentionEvery, boolean hasVideo) {
        this.hasVideo = hasVideo;
        this.modelDir = modelDir;
        this.watch = watch;
        this.attentionEvery = Math.max(1, attentionEvery);
    }

    @Override
    public String name() {
        return "fusion";
    }

    @Override
    public void start(StageContext ctx) throws Exception {
        model = modelDir != null ? FusionModel.load(modelDir) : BundledFusionModel.load();
        runner = new FusionRunner(model);
        window = new StreamWindow(model.config());
    }

    @Override
    public void process(Token tk, StageContext ctx) {
        switch (tk.modality()) {
            case VIDEO -> {
                // release the audio steps the video has now caught up with, before this frame counts
                videoTime = Math.max(videoTime, tk.t());
                drain(ctx, false);
                window.addVideo(tk.t(), tk.group(), tk.vector());
            }
            case TEXT -> text(tk);
            case AUDIO -> {
                pending.addLast(tk);
                drain(ctx, !hasVideo);
            }
            default -> { }
        }
    }

    private void drain(StageContext ctx, boolean all) {
        while (!pending.isEmpty() && (all || pending.size() > MAX_PENDING
                || pending.peekFirst().t() <= videoTime - StreamWindow.VIDEO_SLACK / 2)) {
            step(pending.removeFirst(), ctx);
        }
    }

    private void step(Token tk, StageContext ctx) {
        window.addAudio(tk.t(), tk.vector());
        boolean export = steps % attentionEvery == 0;
        FusionRunner.Result r = runner.step(window, watch.names(), export);
        ctx.events().emit(r.heads());
        for (AttentionEvent a : r.attention()) {
            ctx.events().emit(a);
        }
        steps++;
    }

    @Override
    public void end(StageContext ctx) {
        if (runner != null) {
            drain(ctx, true);
        }
    }

    /** Word pieces → words: a piece starting with ## continues the word; [CLS]/[SEP] are skipped. */
    private void text(Token tk) {
        if (tk.group() != utterance) {
            utterance = tk.group();
            words.clear();
            flushPiece();
        }
        String label = tk.label() == null ? "" : tk.label();
        if (label.equals("[CLS]")) {
            return;
        }
        if (label.equals("[SEP]")) {
            flushPiece();
            window.setWords(words);
            org.slf4j.LoggerFactory.getLogger(FusionStage.class).debug("utterance {}: {} words in the window's text",
                    utterance, words.size());
            return;
        }
        if (!label.startsWith("##")) {
            flushPiece();
            pieceStart = tk.t();
        }
        pieceText.append(label.startsWith("##") ? label.substring(2) : label);
        pieceVectors.add(tk.vector());
    }

    private void flushPiece() {
        if (pieceVectors.isEmpty()) {
            return;
        }
        float[] mean = new float[pieceVectors.get(0).length];
        for (float[] v : pieceVectors) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += v[i] / pieceVectors.size();
            }
        }
        words.add(new StreamWindow.Word(pieceStart, mean, pieceText.toString()));
        pieceVectors.clear();
        pieceText.setLength(0);
    }

    @Override
    public void close() {
        if (runner != null) {
            runner.close();
        }
        if (model != null) {
            model.close();
        }
    }
}
