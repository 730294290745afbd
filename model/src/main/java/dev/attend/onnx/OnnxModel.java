package dev.attend.onnx;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One ONNX file loaded through DJL's ONNX Runtime engine, offline, on the CPU, with one predictor. The single
 * place where Attend builds DJL criteria for ONNX: the audio encoders, the face detector and MiniLM all load here.
 * Owns its model and predictor and closes them exactly once; the predictor is not thread-safe, so callers use it
 * from one thread or serialize their calls.
 */
public final class OnnxModel<I, O> implements AutoCloseable {

    /** The DJL engine named explicitly, so no other engine on the class path is picked. */
    public static final String ENGINE = "OnnxRuntime";

    static {
        keepDjlOffline();
    }

    private final ZooModel<I, O> model;
    private final Predictor<I, O> predictor;
    private boolean closed;

    private OnnxModel(ZooModel<I, O> model) {
        this.model = model;
        this.predictor = model.newPredictor();
    }

    /**
     * Loads {@code file} (already verified by the caller) with ONNX Runtime.
     *
     * @param what             names the model in the error message: "cannot load {what}: {cause}"
     * @param intraOpThreads   ONNX Runtime's intra-op threads (inter-op is always 1: DJL applies intraOpNumThreads
     *                         only together with interOpNumThreads)
     * @throws IOException when ONNX Runtime or DJL cannot load the file, with a one-line message naming it
     */
    public static <I, O> OnnxModel<I, O> load(Path file, Class<I> input, Class<O> output, Translator<I, O> translator,
            int intraOpThreads, String what) throws IOException {
        Criteria<I, O> criteria = Criteria.builder()
                .setTypes(input, output)
                .optEngine(ENGINE)
                .optDevice(Device.cpu())
                // the folder plus the file's base name: DJL warns when pointed at a bare file
                .optModelPath(file.toAbsolutePath().getParent())
                .optModelName(stripOnnx(file.getFileName().toString()))
                .optTranslator(translator)
                .optOptions(quietSession())
                .optOption("interOpNumThreads", "1")
                .optOption("intraOpNumThreads", Integer.toString(intraOpThreads))
                .build();
        ZooModel<I, O> model;
        try {
            model = criteria.loadModel();
        } catch (ModelNotFoundException | MalformedModelException | IOException | RuntimeException e) {
            throw new IOException("cannot load " + what + ": " + e.getMessage(), e);
        }
        try {
            return new OnnxModel<>(model);
        } catch (RuntimeException e) {
            model.close();
            throw new IOException("cannot load " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Session options that log only errors. DJL 0.36 creates ONNX Runtime's environment at WARNING with no setting
     * to change it, but takes a whole {@code SessionOptions} object under the option key "sessionOptions" (its
     * OrtModel reads that key and casts); the session's own log level then applies. Without it every session start
     * printed coloured "Removing initializer …" lines (graph clean-up notes, harmless) straight to the terminal.
     * Each call gets fresh options: DJL sets the thread counts on them and closes them with the model.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static java.util.Map<String, String> quietSession() throws IOException {
        try {
            ai.onnxruntime.OrtSession.SessionOptions o = new ai.onnxruntime.OrtSession.SessionOptions();
            o.setSessionLogLevel(ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            java.util.Map raw = new java.util.HashMap<>();
            raw.put("sessionOptions", o);
            return raw;
        } catch (ai.onnxruntime.OrtException e) {
            throw new IOException("cannot set up ONNX Runtime: " + e.getMessage(), e);
        }
    }

    /**
     * DJL never goes online for Attend, even when started without the launcher's -Dai.djl.offline=true. Call it
     * before touching any other DJL class that may fetch native files (the tokenizers).
     */
    public static void keepDjlOffline() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    private static String stripOnnx(String fileName) {
        return fileName.endsWith(".onnx") ? fileName.substring(0, fileName.length() - 5) : fileName;
    }

    /** Runs the model once. */
    public O predict(I input) throws TranslateException {
        return predictor.predict(input);
    }

    /** A manager for one call's tensors, below the model's; close it after reading the outputs. */
    public NDManager newCallManager() {
        return model.getNDManager().newSubManager();
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
