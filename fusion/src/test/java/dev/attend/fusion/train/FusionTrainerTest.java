package dev.attend.fusion.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attend.fusion.model.FusionConfig;
import dev.attend.fusion.model.FusionModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FusionTrainerTest {

    static final FusionConfig CFG = new FusionConfig(16, 2, 1, 1, 32, 0.1f, 8, 8, 4, FusionConfig.INTENTS);

    @TempDir
    static Path tmp;

    @BeforeAll
    static void data() throws Exception {
        TinyData.write(tmp.resolve("data"), CFG, 18, 4);
    }

    private static JsonNode train(String name, long seed, int epochs) throws Exception {
        Path out = tmp.resolve(name);
        new FusionTrainer(new TrainOptions(tmp.resolve("data"), out, CFG, 1, epochs, seed, 1, 6, 3e-3f, 0.2f, false))
                .run((phase, epoch, step, total, loss) -> { });
        return new ObjectMapper().readTree(out.resolve(TrainLog.EPOCHS).toFile());
    }

    @Test
    void shortTrainingLowersEveryLossAndSameSeedGivesTheSameWeights() throws Exception {
        JsonNode a = train("a", 7, 12);
        JsonNode first = a.get(1).get("losses"); // first fine-tuning epoch
        JsonNode last = a.get(a.size() - 1).get("losses");
        assertThat(first.size()).isEqualTo(5); // no word head here: no word loss
        for (var it = first.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            assertThat(last.get(name).asDouble()).as(name).isLessThan(first.get(name).asDouble());
        }
        assertThat(Files.readAllLines(tmp.resolve("a").resolve(TrainLog.STEPS))).hasSize(1 + 13 * 3);
        train("b", 7, 12);
        assertThat(Files.readAllBytes(tmp.resolve("b").resolve(FusionModel.PARAMS_FILE)))
                .isEqualTo(Files.readAllBytes(tmp.resolve("a").resolve(FusionModel.PARAMS_FILE)));
        train("c", 8, 12);
        assertThat(Files.readAllBytes(tmp.resolve("c").resolve(FusionModel.PARAMS_FILE)))
                .isNotEqualTo(Files.readAllBytes(tmp.resolve("a").resolve(FusionModel.PARAMS_FILE)));
    }

    @Test
    void trainingStepsLeaveNoArrayOnTheModelsManagers() throws Exception {
        // arrays on the model's manager or the trainer's (its sub-manager) live until the run ends: one left there
        // per step is a leak (the session-4 runs grew 7–40 MB an epoch that way); the count must not move
        List<Integer> counts = new java.util.ArrayList<>();
        Path out = tmp.resolve("managed");
        new FusionTrainer(new TrainOptions(tmp.resolve("data"), out, CFG.withWords(List.of("w0", "w1")), 1, 3, 2, 1, 6,
                3e-3f, 0.2f, false)).refitReadout(false).run(new FusionTrainer.Listener() {
                    @Override
                    public void step(String phase, int epoch, long step, long totalSteps, float loss) {
                    }

                    @Override
                    public void epochEnd(String phase, int epoch, FusionModel model) {
                        counts.add(model.djlModel().getNDManager().getManagedArrays().size());
                    }
                });
        assertThat(counts).hasSize(4);
        // from the first fine-tuning epoch on (the pre-training epoch has fewer optimizer states): constant
        assertThat(counts.subList(1, 4)).containsOnly(counts.get(1));
        JsonNode epochs = new ObjectMapper().readTree(out.resolve(TrainLog.EPOCHS).toFile());
        JsonNode last = epochs.get(3);
        assertThat(last.get("rssMb").asLong()).isPositive();
        assertThat(last.get("heapCommittedMb").asLong()).isGreaterThanOrEqualTo(last.get("heapUsedMb").asLong());
        assertThat(last.get("rssMb").asLong()).isGreaterThan(last.get("nativeMb").asLong());
    }

    @Test
    void resumeContinuesAfterTheLastFinishedEpoch() throws Exception {
        train("r", 3, 2);
        Path out = tmp.resolve("r");
        new FusionTrainer(new TrainOptions(tmp.resolve("data"), out, CFG, 1, 4, 3, 1, 6, 3e-3f, 0.2f, true))
                .run((phase, epoch, step, total, loss) -> { });
        JsonNode epochs = new ObjectMapper().readTree(out.resolve(TrainLog.EPOCHS).toFile());
        assertThat(epochs.size()).isEqualTo(5);
        assertThat(epochs.get(4).get("epoch").asInt()).isEqualTo(4);
        assertThat(new ObjectMapper().readTree(out.resolve("training.json").toFile()).get("resumedAtEpoch").asInt())
                .isEqualTo(3);
    }

    @Test
    void fineTuningASavedModelChangesItsWeights() throws Exception {
        train("base", 5, 1);
        Path base = tmp.resolve("base");
        Path out = tmp.resolve("tuned");
        new FusionTrainer(new TrainOptions(tmp.resolve("data"), out, CFG, 0, 1, 5, 1, 6, 3e-3f, 0.2f, false))
                .startingFrom(base).run((phase, epoch, step, total, loss) -> { });
        // a loaded checkpoint used to get no gradients, so the "fine-tuned" model was the starting one, bit for bit
        assertThat(Files.readAllBytes(out.resolve(FusionModel.PARAMS_FILE)))
                .isNotEqualTo(Files.readAllBytes(base.resolve(FusionModel.PARAMS_FILE)));
        JsonNode epochs = new ObjectMapper().readTree(out.resolve(TrainLog.EPOCHS).toFile());
        assertThat(epochs.size()).isEqualTo(1);
    }

    @Test
    void aShortTrainingRunLowersTheWordLossAndSavesTheVocabulary() throws Exception {
        FusionConfig cfg = CFG.withWords(List.of("w0", "w1"));
        Path out = tmp.resolve("words");
        new FusionTrainer(new TrainOptions(tmp.resolve("data"), out, cfg, 0, 6, 7, 1, 6, 3e-3f, 0.2f, false))
                .run((phase, epoch, step, total, loss) -> { });
        JsonNode epochs = new ObjectMapper().readTree(out.resolve(TrainLog.EPOCHS).toFile());
        double first = epochs.get(0).get("losses").get("word").asDouble();
        double last = epochs.get(epochs.size() - 1).get("losses").get("word").asDouble();
        assertThat(last).isLessThan(0.8 * first);
        try (FusionModel m = FusionModel.load(out)) {
            assertThat(m.config().words()).containsExactly("w0", "w1");
            assertThat(m.net().wordHead().unstandardized()).isFalse(); // standardized by the training data
        }
        assertThat(Files.readAllLines(out.resolve(TrainLog.STEPS)).get(0)).contains(",word,", ",s_word,");
        // the last step refitted the audio-only intent readout (one voice: the default λ, no validation split)
        JsonNode refit = new ObjectMapper().readTree(out.resolve("training.json").toFile()).get("readoutRefit");
        assertThat(refit.get("utterances").asInt()).isEqualTo(18);
        assertThat(refit.get("lambda").floatValue()).isEqualTo(ReadoutRefit.DEFAULT_LAMBDA);
    }
}
