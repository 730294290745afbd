package dev.attend.fusion.model;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fusion network inside a DJL {@link Model} on the PyTorch engine, with its configuration; saved as
 * {@code fusion-config.json} + {@code fusion-0000.params} in one folder.
 */
public final class FusionModel implements AutoCloseable {

    public static final String ENGINE = "PyTorch";
    public static final String NAME = "fusion";
    public static final String CONFIG_FILE = "fusion-config.json";
    public static final String PARAMS_FILE = "fusion-0000.params";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Model model;
    private final FusionNet net;

    private FusionModel(Model model, FusionNet net) {
        this.model = model;
        this.net = net;
    }

    /** A new, uninitialized network (a trainer initializes it). */
    public static FusionModel create(FusionConfig cfg) {
        Model m = Model.newInstance(NAME, ENGINE);
        FusionNet net = new FusionNet(cfg);
        m.setBlock(net);
        return new FusionModel(m, net);
    }

    /** A network with freshly initialized weights (engine seed decides them), for inference without training. */
    public static FusionModel createInitialized(FusionConfig cfg) {
        FusionModel fm = create(cfg);
        fm.net.setInitializer(new ai.djl.training.initializer.XavierInitializer(), ai.djl.nn.Parameter.Type.WEIGHT);
        fm.net.initialize(fm.model.getNDManager(), DataType.FLOAT32, FusionInputs.shapes(1, cfg));
        return fm;
    }

    /**
     * Loads a saved folder.
     *
     * @throws IOException when a file is missing or unreadable, naming it
     */
    public static FusionModel load(Path dir) throws IOException {
        Path cfgFile = dir.resolve(CONFIG_FILE);
        Path params = dir.resolve(PARAMS_FILE);
        if (!Files.isRegularFile(cfgFile) || !Files.isRegularFile(params)) {
            throw new IOException("not a fusion model folder (needs " + CONFIG_FILE + " and " + PARAMS_FILE + "): " + dir);
        }
        try (var c = Files.newInputStream(cfgFile); var p = Files.newInputStream(params)) {
            return load(c.readAllBytes(), p.readAllBytes(), params.toString());
        }
    }

    /** Loads a configuration (JSON) and parameters (DJL format) given as bytes; {@code what} names them in errors. */
    public static FusionModel load(byte[] config, byte[] params, String what) throws IOException {
        FusionConfig cfg = JSON.readValue(config, FusionConfig.class);
        FusionModel fm = create(cfg);
        fm.net.initialize(fm.model.getNDManager(), DataType.FLOAT32, FusionInputs.shapes(1, cfg));
        try (var in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(params))) {
            fm.net.loadParameters(fm.model.getNDManager(), in);
        } catch (MalformedModelException | RuntimeException e) {
            fm.close();
            throw new IOException("damaged fusion parameters " + what + ": " + e.getMessage(), e);
        }
        return fm;
    }

    /** Writes the configuration and the parameters into {@code dir} (created if needed). */
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(CONFIG_FILE).toFile(), net.config());
        Path tmp = dir.resolve(PARAMS_FILE + ".tmp");
        try (var out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(tmp)))) {
            net.saveParameters(out);
        }
        Files.move(tmp, dir.resolve(PARAMS_FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Runs the network in inference mode; outputs live on {@code m}. */
    public NDList forward(NDManager m, FusionInputs in) {
        return net.forward(new ParameterStore(m, false), in.toNDList(m), false);
    }

    public FusionNet net() {
        return net;
    }

    public FusionConfig config() {
        return net.config();
    }

    public Model djlModel() {
        return model;
    }

    /** Number of trainable values. */
    public long parameterCount() {
        return net.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
    }

    @Override
    public void close() {
        model.close();
    }
}
