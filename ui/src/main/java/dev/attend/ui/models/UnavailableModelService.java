package dev.attend.ui.models;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/** A {@link ModelService} for builds without the model manager: lists nothing, every action explains why. */
final class UnavailableModelService implements ModelService {

    private static final String WHY = "the model manager is not available in this build";

    @Override
    public String unavailableReason() {
        return WHY;
    }

    @Override
    public List<ModelInfo> installed() {
        return List.of();
    }

    @Override
    public List<ModelInfo> available() {
        return List.of();
    }

    @Override
    public ModelInfo download(ModelInfo model, Progress progress, BooleanSupplier cancelled) {
        throw new UnsupportedOperationException(WHY);
    }

    @Override
    public void remove(ModelInfo model) {
        throw new UnsupportedOperationException(WHY);
    }

    @Override
    public void use(ModelInfo model) {
        throw new UnsupportedOperationException(WHY);
    }

    @Override
    public ModelInfo importFolder(Path folder) {
        throw new UnsupportedOperationException(WHY);
    }
}
