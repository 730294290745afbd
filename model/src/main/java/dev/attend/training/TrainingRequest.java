package dev.attend.training;

import java.nio.file.Path;
import java.util.List;

/**
 * A training run the user asked for.
 *
 * @param dataFolder     an existing fusion data folder, or null to generate one
 * @param utterances     utterances to generate (when {@code dataFolder} is null)
 * @param voices         espeak-ng voices to generate with (empty = the project's training voices)
 * @param pretrainEpochs contrastive pre-training epochs (0 = none)
 * @param epochs         multi-task fine-tuning epochs
 * @param dModel         model width (16, 32, 64 …; heads and layers follow from the size)
 * @param batch          utterances per batch
 * @param learningRate   Adam's learning rate
 * @param threads        libtorch threads (1 beside a busy UI)
 * @param out            run folder (checkpoints, logs, the trained model)
 * @param resume         continue the run in {@code out} after its last finished epoch
 */
public record TrainingRequest(Path dataFolder, int utterances, List<String> voices, int pretrainEpochs, int epochs,
                              int dModel, int batch, float learningRate, int threads, Path out, boolean resume) {

    public TrainingRequest {
        voices = voices == null ? List.of() : List.copyOf(voices);
        if (dataFolder == null && utterances < 2 * batch) {
            throw new IllegalArgumentException("generate at least " + 2 * batch + " utterances for batches of " + batch);
        }
        if (epochs < 1 || pretrainEpochs < 0 || batch < 2 || threads < 1 || dModel < 8 || !(learningRate > 0)) {
            throw new IllegalArgumentException("need epochs ≥ 1, pre-training epochs ≥ 0, batch ≥ 2, threads ≥ 1, "
                    + "width ≥ 8 and a positive learning rate");
        }
    }

    /** The same run, continued after its last finished epoch. */
    public TrainingRequest resumed() {
        return new TrainingRequest(dataFolder, utterances, voices, pretrainEpochs, epochs, dModel, batch, learningRate,
                threads, out, true);
    }
}
