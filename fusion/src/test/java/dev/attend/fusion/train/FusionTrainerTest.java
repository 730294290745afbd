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
