package dev.attend.ui.models;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Port to the Vosk model manager. Calls may block (disk, network on the user's request): the UI calls them off
 * the UI thread.
 */
public interface ModelService {

    /** Receives download progress: bytes so far and total (total ≤ 0 when unknown). */
    @FunctionalInterface
    interface Progress {
        void update(long done, long total);
    }

    /** Why the service cannot manage models in this build, or "" when it can. */
    default String unavailableReason() {
        return "";
    }

    List<ModelInfo> installed() throws Exception;

    /** Models that can be downloaded (not installed). */
    List<ModelInfo> available() throws Exception;

    /**
     * Downloads and installs a model; checks {@code cancelled} regularly and then stops, leaving nothing behind.
     *
     * @throws java.util.concurrent.CancellationException when cancelled
     */
    ModelInfo download(ModelInfo model, Progress progress, BooleanSupplier cancelled) throws Exception;

    void remove(ModelInfo model) throws Exception;

    /** Makes sessions use this model. */
    void use(ModelInfo model) throws Exception;

    /** Installs a model from a folder (checked to look like a Vosk model). */
    ModelInfo importFolder(Path folder) throws Exception;

    /** True when the available list is the copy built into Attend (never refreshed from the network). */
    default boolean builtInList() {
        return false;
    }

    /** The folder Attend installs models into (null when there is none). */
    default Path folder() {
        return null;
    }

    /** Whether any installed model can be used. */
    default boolean hasModel() throws Exception {
        return !installed().isEmpty();
    }

    static ModelService unavailable() {
        return new UnavailableModelService();
    }
}
