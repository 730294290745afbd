package dev.attend.fusion.train;

import dev.attend.fusion.model.FusionConfig;
import java.nio.file.Path;

/**
 * @param pretrainEpochs contrastive-only epochs before multi-task fine-tuning
 * @param epochs         fine-tuning epochs
 * @param batchUtterances utterances per batch (all their samples go in: 3 each)
 * @param lrSchedule     {@link #COSINE} (from the learning rate down to 5 % of it over the whole run) or {@link #FIXED}
 */
public record TrainOptions(Path data, Path out, FusionConfig cfg, int pretrainEpochs, int epochs, long seed,
                           int threads, int batchUtterances, float learningRate, float temperature, boolean resume,
                           String lrSchedule) {

    public static final String COSINE = "cosine";
    public static final String FIXED = "fixed";

    /** Options with the cosine schedule. */
    public TrainOptions(Path data, Path out, FusionConfig cfg, int pretrainEpochs, int epochs, long seed,
                        int threads, int batchUtterances, float learningRate, float temperature, boolean resume) {
        this(data, out, cfg, pretrainEpochs, epochs, seed, threads, batchUtterances, learningRate, temperature, resume,
                COSINE);
    }

    public TrainOptions {
        if (!COSINE.equals(lrSchedule) && !FIXED.equals(lrSchedule)) {
            throw new IllegalArgumentException("learning-rate schedule must be " + COSINE + " or " + FIXED + ": " + lrSchedule);
        }
        if (pretrainEpochs < 0 || epochs < 1 || batchUtterances < 2 || threads < 1) {
            throw new IllegalArgumentException("need epochs ≥ 1, pretrain epochs ≥ 0, batch ≥ 2 utterances, threads ≥ 1");
        }
        if (!(learningRate > 0) || !(temperature > 0)) {
            throw new IllegalArgumentException("learning rate and temperature must be positive");
        }
    }
}
