package dev.attend.onnx;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * One ONNX file loaded through DJL's ONNX Runtime engine, offline, on the CPU, with one predictor. The single
 * place where Attend loads ONNX models through DJL: the audio encoders, the face detector and MiniLM all load here.
 * Owns its model and predictor and closes them exactly once; the predictor is not thread-safe, so callers use it
 * from one thread or serialize their calls.
 */
public final class OnnxModel<I, O> implements AutoCloseable {

    /** The DJL engine named explicitly, so no other engine on the class path is picked. */
    public static final String ENGINE = "OnnxRuntime";

    static {
        keepDjlOffline();
    }

    private final Model model;
    private final Predictor<I, O> predictor;
    private boolean closed;

    private OnnxModel(Model model, Translator<I, O> translator) {
        this.model = model;
        this.predictor = model.newPredictor(translator);
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
        String name = stripOnnx(file.getFileName().toString());
        Model model = Model.newInstance(name, Device.cpu(), ENGINE);
        // DJL's engine creates ONNX Runtime's environment at WARNING with no way to change it, so the session's
        // own level is set instead: ERROR keeps graph-optimizer notes ("Removing initializer ...", ANSI-coloured,
        // on the terminal at every face-model load) off stderr while real failures still show
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            // no CPU arena: it grows in power-of-two chunks it never returns while the session lives, and the
            // bundled encoders are small enough that plain malloc costs nothing measurable (docs/performance.md)
            options.setCPUArenaAllocator(false);
            // DJL's OrtModel reads "sessionOptions" and then applies the thread counts to it
            model.load(file.toAbsolutePath().getParent(), name, Map.of("sessionOptions", options,
                    "interOpNumThreads", "1", "intraOpNumThreads", Integer.toString(intraOpThreads)));
        } catch (MalformedModelException | IOException | OrtException | RuntimeException e) {
            model.close();
            throw new IOException("cannot load " + what + ": " + e.getMessage(), e);
        }
        try {
            return new OnnxModel<>(model, translator);
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
            o.setCPUArenaAllocator(false);
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
