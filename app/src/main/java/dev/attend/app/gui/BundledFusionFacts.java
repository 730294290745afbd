package dev.attend.app.gui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attend.fusion.live.BundledFusionModel;
import dev.attend.fusion.model.FusionConfig;
import dev.attend.fusion.model.FusionModel;
import dev.attend.fusion.train.FusionLoss;
import dev.attend.ui.lab.FusionFacts;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Supplier;

/**
 * The lab's facts about the bundled fusion checkpoint: its configuration, the InfoNCE temperature from its
 * {@code training.json}, and the learned task weights (the {@code logVars} parameter, read from the loaded model).
 * Null when no checkpoint is bundled.
 */
public final class BundledFusionFacts implements Supplier<FusionFacts> {

    @Override
    public FusionFacts get() {
        if (!BundledFusionModel.present()) {
            return null;
        }
        try (FusionModel m = BundledFusionModel.load()) {
            FusionConfig c = m.config();
            double[] logVars = m.djlModel().getBlock().getParameters().stream()
                    .filter(p -> p.getKey().endsWith("logVars")).findFirst()
                    .map(p -> toDoubles(p.getValue().getArray().toFloatArray())).orElse(new double[0]);
            return new FusionFacts(c.dModel(), c.heads(), c.layers(), c.crossLayers(), c.ffnDim(), c.audioTokens(),
                    c.textTokens(), new int[] {FusionConfig.AUDIO_DIM, FusionConfig.VIDEO_DIM, FusionConfig.TEXT_DIM},
                    temperature(), tasks(logVars.length), logVars);
        } catch (IOException e) {
            throw new IllegalStateException("bundled fusion model: " + e.getMessage(), e);
        }
    }

    /** The model's task names: as many as it has learned weights (a word head adds {@code word}). */
    private static List<String> tasks(int learned) {
        List<String> all = List.of(FusionLoss.NAMES);
        return learned == 0 ? all.subList(0, dev.attend.fusion.model.FusionNet.TASKS)
                : all.subList(0, Math.min(all.size(), learned));
    }

    private static double temperature() {
        try (InputStream in = BundledFusionFacts.class.getResourceAsStream(BundledFusionModel.DIR + "training.json")) {
            if (in == null) {
                return Double.NaN;
            }
            JsonNode t = new ObjectMapper().readTree(in).path("temperature");
            return t.isNumber() ? t.asDouble() : Double.NaN;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    private static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
