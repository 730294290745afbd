package dev.attend.fusion.workbench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attend.fusion.data.FusionDataset;
import dev.attend.fusion.eval.FusionEvaluator;
import dev.attend.fusion.model.FusionModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The evaluator's figures a chart or a before/after table shows (finite ones only). */
final class Metrics {

    static final List<String> SHOWN = List.of("avSyncConfidence", "avSyncAccuracy", "addresseeRocAuc", "addresseeAccuracy",
            "intentAccuracyAudioOnly", "intentAccuracyWithText", "alignment");

    private Metrics() {
    }

    static Map<String, Double> of(FusionModel model, FusionDataset data) {
        JsonNode r = FusionEvaluator.evaluate(model, data);
        Map<String, Double> m = new LinkedHashMap<>();
        for (String k : SHOWN) {
            JsonNode v = r.get(k);
            if (v != null && v.isNumber() && Double.isFinite(v.asDouble())) {
                m.put(k, v.asDouble());
            }
        }
        return m;
    }
}
