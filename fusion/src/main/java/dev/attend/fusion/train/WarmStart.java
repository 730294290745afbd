package dev.attend.fusion.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.XavierInitializer;
import dev.attend.fusion.model.FusionModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A new model's starting weights from a saved one of the same size: every parameter of the saved model must have a
 * counterpart of the same name and shape and is copied; parameters it lacks keep their fresh (engine-seeded)
 * initialization — so a checkpoint without slot heads can seed a model with them.
 */
final class WarmStart {

    private static final Logger LOG = LoggerFactory.getLogger(WarmStart.class);

    private WarmStart() {
    }

    /** Initializes {@code model} (shapes of one batch) and copies matching parameters from the folder {@code from}. */
    static void copy(Path from, FusionModel model, Shape[] inputShapes) throws IOException {
        model.net().setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
        model.net().initialize(model.djlModel().getNDManager(), DataType.FLOAT32, inputShapes);
        List<String> fresh = new ArrayList<>();
        int copied = 0;
        try (FusionModel old = FusionModel.load(from)) {
            var target = model.net().getParameters();
            for (var e : old.net().getParameters()) {
                Parameter dst = target.get(e.getKey());
                if (dst == null || !dst.getArray().getShape().equals(e.getValue().getArray().getShape())) {
                    throw new IOException("the model in " + from + " does not fit this configuration: its parameter "
                            + e.getKey() + " " + e.getValue().getArray().getShape() + " has "
                            + (dst == null ? "no counterpart" : "shape " + dst.getArray().getShape() + " here"));
                }
            }
            for (var e : target) {
                Parameter src = old.net().getParameters().get(e.getKey());
                NDArray dst = e.getValue().getArray();
                if (src != null) {
                    dst.set(src.getArray().toFloatArray());
                    copied++;
                } else {
                    fresh.add(e.getKey());
                }
            }
        }
        LOG.info("warm start from {}: {} parameters copied, {} fresh {}", from, copied, fresh.size(), fresh);
    }
}
