package dev.attend.fusion.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.attend.fusion.data.FusionDataset;
import dev.attend.fusion.model.FusionConfig;
import dev.attend.fusion.model.FusionModel;
import dev.attend.fusion.model.FusionNet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadoutRefitTest {

    static final FusionConfig CFG = FusionTrainerTest.CFG.withWords(List.of("w0", "w1"));

    @TempDir
    static Path tmp;

    /** A word-head model trained briefly on tiny data (intent = which audio dimension is raised), not refitted. */
    @BeforeAll
    static void trained() throws Exception {
        TinyData.write(tmp.resolve("data"), CFG, 36, 4);
        new FusionTrainer(new TrainOptions(tmp.resolve("data"), tmp.resolve("joint"), CFG, 0, 2, 7, 1, 6, 3e-3f, 0.2f,
                false)).refitReadout(false).run((phase, epoch, step, total, loss) -> { });
    }

    @Test
    void onSeparableClustersTheFitIsExactAndDeterministic() {
        Random r = new Random(3);
        int n = 90;
        int f = 6;
        float[] x = new float[n * f];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            for (int k = 0; k < f; k++) {
                x[i * f + k] = (float) (0.3 * r.nextGaussian() + (k == y[i] ? 2 : 0));
            }
        }
        try (NDManager m = NDManager.newBaseManager(FusionModel.ENGINE)) {
            var a = SoftmaxRegression.fit(m, x, y, 3, 1e-2f);
            var b = SoftmaxRegression.fit(m, x, y, 3, 1e-2f);
            assertThat(ReadoutRefit.accuracy(a.predict(x), y)).isEqualTo(1.0);
            assertThat(a.weight()).isEqualTo(b.weight());
            assertThat(a.bias()).isEqualTo(b.bias());
            // the discriminative weights point the right way: class c's weight on its own dimension is its largest
            for (int c = 0; c < 3; c++) {
                for (int k = 0; k < f; k++) {
                    if (k != c) {
                        assertThat(a.weight()[c * 3 + c]).isGreaterThan(a.weight()[k * 3 + c]);
                    }
                }
            }
        }
    }

    @Test
    void refitChangesOnlyTheAudioIntentLayerAndReachesTheJointLayersAccuracy() throws Exception {
        FusionDataset data = FusionDataset.load(tmp.resolve("data"));
        try (FusionModel a = FusionModel.load(tmp.resolve("joint")); FusionModel b = FusionModel.load(tmp.resolve("joint"));
             NDManager m = NDManager.newBaseManager(FusionModel.ENGINE)) {
            var before = ReadoutRefit.features(a, data, m);
            int k = CFG.intents().size();
            double joint = ReadoutRefit.accuracy(ReadoutRefit.argMax(before.logits(), k), before.labels());
            Map<String, float[]> old = params(a.net());
            var r = ReadoutRefit.apply(a, data, 1);
            ReadoutRefit.apply(b, data, 1);
            assertThat(r.get("trainingAccuracyRefit").asDouble()).isGreaterThanOrEqualTo(joint);
            Map<String, float[]> now = params(a.net());
            assertThat(now.keySet().stream().filter(n -> n.contains("audioIntent_"))).hasSize(2);
            for (var e : old.entrySet()) {
                if (e.getKey().contains("audioIntent_")) {
                    assertThat(now.get(e.getKey())).as(e.getKey()).isNotEqualTo(e.getValue());
                } else {
                    assertThat(now.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
                }
            }
            assertThat(params(b.net())).containsExactlyEntriesOf(now); // same data and seed: same bits
            // the features are exactly what the layer reads: the model's own audio-only intent now follows the fit
            var after = ReadoutRefit.features(a, data, m);
            assertThat(after.x()).isEqualTo(before.x());
            assertThat(ReadoutRefit.accuracy(ReadoutRefit.argMax(after.logits(), k), after.labels()))
                    .isEqualTo(r.get("trainingAccuracyRefit").asDouble(), org.assertj.core.data.Offset.offset(1e-3));
        }
    }

    @Test
    void validationDataInATrainingVoiceIsRefusedAndTheModelKeepsItsLayer() throws Exception {
        FusionDataset data = FusionDataset.load(tmp.resolve("data"));
        try (FusionModel a = FusionModel.load(tmp.resolve("joint"))) {
            Map<String, float[]> old = params(a.net());
            assertThatThrownBy(() -> ReadoutRefit.apply(a, data, 1, data)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("training voice");
            assertThat(params(a.net())).containsExactlyEntriesOf(old);
        }
    }

    @Test
    void aModelWithoutAWordHeadGetsAClearError() throws Exception {
        FusionDataset data = FusionDataset.load(tmp.resolve("data"));
        try (FusionModel plain = FusionModel.createInitialized(FusionTrainerTest.CFG)) {
            assertThatThrownBy(() -> ReadoutRefit.apply(plain, data, 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no word head");
        }
        assertThat(Files.isDirectory(tmp.resolve("joint"))).isTrue();
    }

    private static Map<String, float[]> params(FusionNet net) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : net.getParameters()) {
            out.put(p.getKey(), p.getValue().getArray().toFloatArray());
        }
        return out;
    }
}
