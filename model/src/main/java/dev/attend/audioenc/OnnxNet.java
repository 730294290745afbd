package dev.attend.audioenc;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import dev.attend.models.BundledModel;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One ONNX model run through DJL's ONNX Runtime engine with raw tensors in and out. Owns its model and its one
 * predictor; use it from one thread (the stage's) and close it once. Inputs are fed by name (all named) or
 * by position (none named).
 */
public final class OnnxNet implements AutoCloseable {

    /** The DJL engine every encoder names explicitly, so no other engine on the class path is picked. */
    public static final String ENGINE = "OnnxRuntime";

    static {
        // DJL never goes online for Attend, even when started without the launcher's -Dai.djl.offline=true
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    private final String name;
    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;
    private boolean closed;

    private OnnxNet(String name, ZooModel<NDList, NDList> model) {
        this.name = name;
        this.model = model;
        this.predictor = model.newPredictor();
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
        Criteria<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optEngine(ENGINE)
                .optDevice(Device.cpu())
                // the folder plus the file's base name: DJL warns when pointed at a bare file
                .optModelPath(file.getParent())
                .optModelName(stripOnnx(file.getFileName().toString()))
                .optTranslator(new NoopTranslator())
                // DJL applies intraOpNumThreads only together with interOpNumThreads
                .optOption("interOpNumThreads", "1")
                .optOption("intraOpNumThreads", "1")
                .build();
        ZooModel<NDList, NDList> model;
        try {
            model = criteria.loadModel();
        } catch (ModelNotFoundException | MalformedModelException e) {
            throw new IOException("cannot load model " + bundled.fileName() + " (" + file + "): " + e.getMessage(), e);
        }
        try {
            return new OnnxNet(bundled.fileName(), model);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private static String stripOnnx(String fileName) {
        return fileName.endsWith(".onnx") ? fileName.substring(0, fileName.length() - 5) : fileName;
    }

    public String name() {
        return name;
    }

    /** A manager for one call's tensors; close it after reading the outputs (outputs are attached to it). */
    public NDManager newCallManager() {
        return model.getNDManager().newSubManager();
    }

    /** Runs the model; inputs must be named after the graph's inputs. */
    public NDList run(NDList inputs) {
        try {
            return predictor.predict(inputs);
        } catch (TranslateException e) {
            throw new IllegalStateException("model " + name + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            predictor.close();
        } finally {
            model.close();
        }
    }
}
