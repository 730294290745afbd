package dev.attend.onnx;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import dev.attend.models.BundledModel;
import dev.attend.onnx.OnnxModel;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One ONNX model run through DJL's ONNX Runtime engine with raw tensors in and out. Owns its model and its one
 * predictor; use it from one thread (the stage's) and close it once. Inputs are fed by name (all named) or
 * by position (none named).
 */
public final class OnnxNet implements AutoCloseable {

    /** The DJL engine every encoder names explicitly, so no other engine on the class path is picked. */
    public static final String ENGINE = OnnxModel.ENGINE;

    private final String name;
    private final OnnxModel<NDList, NDList> model;

    private OnnxNet(String name, OnnxModel<NDList, NDList> model) {
        this.name = name;
        this.model = model;
    }

    /**
     * Verifies the bundled file's SHA-256 (via a checked copy in the cache folder) and loads it on the CPU with one
     * intra-op thread: these models are tiny, and one thread keeps results bit-identical and leaves the other
     * cores to the other stages.
     *
     * @throws IOException a {@link dev.attend.models.ModelIntegrityException} naming the file when it is missing
     *                     or damaged, or an IOException when ONNX Runtime cannot load it
     */
    public static OnnxNet load(BundledModel bundled) throws IOException {
        return load(bundled, BundledModel.defaultCacheDir());
    }

    /** As {@link #load(BundledModel)}, with the verified copy kept under {@code cacheDir}. */
    public static OnnxNet load(BundledModel bundled, Path cacheDir) throws IOException {
        Path file = bundled.materialize(cacheDir);
        return new OnnxNet(bundled.fileName(), OnnxModel.load(file, NDList.class, NDList.class,
                new NoopTranslator(), 1, "model " + bundled.fileName() + " (" + file + ")"));
    }

    public String name() {
        return name;
    }

    /** A manager for one call's tensors; close it after reading the outputs (outputs are attached to it). */
    public NDManager newCallManager() {
        return model.newCallManager();
    }

    /** Runs the model; inputs must be named after the graph's inputs. */
    public NDList run(NDList inputs) {
        try {
            return model.predict(inputs);
        } catch (TranslateException e) {
            throw new IllegalStateException("model " + name + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
