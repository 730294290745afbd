package dev.attend.fusion.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attend.fusion.data.FusionDataset;
import dev.attend.fusion.model.Const;
import dev.attend.fusion.model.FusionInputs;
import dev.attend.fusion.model.FusionModel;
import dev.attend.fusion.model.FusionNet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Trains a fusion model: contrastive pre-training (InfoNCE audio↔video and audio↔text), then multi-task fine-tuning
 * with uncertainty weighting. A checkpoint and {@code state.json} after every epoch; {@code resume} continues after
 * the last finished epoch (the optimizer's moments start afresh, so a resumed run is close to, not bit-identical
 * with, an uninterrupted one). Same data, seed and libtorch thread count → bit-identical parameters.
 *
 * <p>Memory: every batch's arrays live on a sub-manager closed after the optimizer step (Java-made inputs must stay
 * open until then; they are staged in reused direct buffers, {@link StagingBuffers}), the model is written
 * {@code x.op(param)} and a parameter that is itself an output is lent to that sub-manager, so nothing piles up on
 * the model's manager. Memory figures per epoch go to {@code epochs.json} ({@link MemoryUse}).
 */
public final class FusionTrainer {

    /** Progress of the run. */
    public interface Listener {
        void step(String phase, int epoch, long step, long totalSteps, float loss);

        /** Before {@link #step}: each task loss ({@link FusionLoss#NAMES} order) and the learned sᵢ. May block (pause). */
        default void losses(String phase, int epoch, long step, float[] parts, float[] logVars) {
        }

        /** After an epoch's checkpoint: the model as trained so far (inference only; do not keep it). */
        default void epochEnd(String phase, int epoch, FusionModel model) {
        }
    }

    public static final String STATE = "state.json";
    public static final String CHECKPOINT = "checkpoint";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TrainOptions o;
    private Path initial;
    private Path warm;
    private boolean refitReadout = true;
    private Path refitValidation;

    public FusionTrainer(TrainOptions o) {
        this.o = o;
    }

    /**
     * Starts a fresh run from the parameters of a saved model folder (fine-tuning a checkpoint, e.g. calibration)
     * instead of random ones; its configuration must be {@code o.cfg()}. A resumed run loads its own checkpoint.
     */
    public FusionTrainer startingFrom(Path modelDir) {
        this.initial = modelDir;
        return this;
    }

    /**
     * Starts a fresh run from another model's parameters wherever name and shape match (e.g. a checkpoint without
     * the slot heads: they alone start from random values); unlike {@link #startingFrom} the configurations may
     * differ. A resumed run loads its own checkpoint.
     */
    public FusionTrainer warmStartFrom(Path modelDir) {
        this.warm = modelDir;
        return this;
    }

    /** Data in voices outside the training data on which the readout refit chooses λ (null: training voices). */
    public FusionTrainer refitValidation(Path dir) {
        this.refitValidation = dir;
        return this;
    }

    /** Whether the last step refits a word-head model's audio-only intent readout ({@link ReadoutRefit}; default on). */
    public FusionTrainer refitReadout(boolean on) {
        this.refitReadout = on;
        return this;
    }

    /** Runs (or resumes) training; returns the summary written to {@code training.json}. */
    public ObjectNode run(Listener listener) throws IOException {
        long t0 = System.nanoTime();
        FusionDataset data = FusionDataset.load(o.data());
        BatchMaker batches = new BatchMaker(data, o.cfg());
        Files.createDirectories(o.out());
        int startEpoch = 0;
        Path state = o.out().resolve(STATE);
        if (o.resume() && Files.isRegularFile(state)) {
            startEpoch = JSON.readTree(state.toFile()).get("epochsDone").asInt();
        }
        Engine.getEngine(FusionModel.ENGINE).setRandomSeed((int) o.seed());
        int totalEpochs = o.pretrainEpochs() + o.epochs();
        int perEpoch = batches.epoch(o.seed(), 0, o.batchUtterances()).size();
        long totalSteps = (long) perEpoch * totalEpochs;
        long step = (long) perEpoch * startEpoch;
        long maxRss = 0;
        FusionLoss loss;
        ObjectNode refit = null;
        try (FusionModel model = FusionModel.create(o.cfg())) {
            FusionNet net = model.net();
            loss = new FusionLoss(o.temperature(), net.textAudioWeightsIndex(), net.slotIndex()).withWords(net.wordIndex());
            // before the trainer: its initialize() hands the parameters' arrays to its parameter store, which
            // the forward pass and the optimizer use from then on; loading after it replaced only the arrays the
            // model saves, so a fine-tune trained fresh weights and saved the checkpoint it started from
            Path from = startEpoch > 0 ? o.out().resolve(CHECKPOINT) : initial;
            if (from != null) {
                try (var in = new java.io.DataInputStream(new java.io.BufferedInputStream(
                        Files.newInputStream(from.resolve(FusionModel.PARAMS_FILE))))) {
                    net.loadParameters(model.djlModel().getNDManager(), in);
                } catch (ai.djl.MalformedModelException e) {
                    throw new IOException("damaged checkpoint in " + from, e);
                }
                trainable(net);
            } else if (warm != null) {
                WarmStart.copy(warm, model, FusionInputs.shapes(o.batchUtterances() * 3, o.cfg()));
                trainable(net);
            }
            DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.l2Loss()) // losses are computed below
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(learningRate(totalSteps))
                            .optClipGrad(5f).build());
            try (Trainer trainer = model.djlModel().newTrainer(tc); TrainLog log = new TrainLog(o.out(), startEpoch > 0,
                    FusionNet.tasks(o.cfg()))) {
                trainer.initialize(FusionInputs.shapes(o.batchUtterances() * 3, o.cfg()));
                if (net.wordHead() != null && net.wordHead().unstandardized()) { // a fresh word head reads standardized audio
                    float[][] st = data.audioStandardization();
                    net.wordHead().standardize(st[0], st[1]);
                }
                StagingBuffers staging = new StagingBuffers();
                for (int epoch = startEpoch; epoch < totalEpochs; epoch++) {
                    boolean pre = epoch < o.pretrainEpochs();
                    String phase = pre ? "pretrain" : "finetune";
                    long e0 = System.nanoTime();
                    int tasks = FusionNet.tasks(o.cfg());
                    double[] sums = new double[tasks];
                    double totalSum = 0;
                    float[] logVars = new float[tasks];
                    List<int[]> order = batches.epoch(o.seed(), epoch, o.batchUtterances());
                    for (int bi = 0; bi < order.size(); bi++) {
                        long s0 = System.nanoTime();
                        BatchMaker.Batch b = batches.make(order.get(bi), new Random(o.seed() * 7919L + epoch * 100_003L + bi));
                        float total;
                        float[] parts = new float[tasks];
                        try (NDManager bm = trainer.getManager().newSubManager()) {
                            NDList x = staging.inputs(bm, b.inputs());
                            NDList y = staging.targets(bm, b.targets());
                            try (GradientCollector gc = trainer.newGradientCollector()) {
                                NDList pred = trainer.forward(x);
                                NDArray[] p = loss.parts(pred, y);
                                NDArray lv = pred.get(FusionNet.LOG_VARS);
                                // that output is the sᵢ parameter itself, on the model's manager, and a result lands on
                                // its receiver's: indexing it left 3 scalars a task there every step (39 k in the
                                // shipped run, RSS +100 MB). Lent to bm for the step, they go with it.
                                bm.tempAttachAll(lv);
                                NDArray weighted = loss.weighted(p, lv);
                                NDArray objective = pre
                                        ? loss.pretraining(pred, y).add(weighted.mul(Const.of(weighted, 0f)))
                                        : weighted;
                                gc.backward(objective);
                                total = objective.getFloat();
                                for (int i = 0; i < p.length; i++) {
                                    parts[i] = p[i].getFloat();
                                }
                                logVars = lv.toFloatArray();
                            }
                            trainer.step();
                        }
                        step++;
                        totalSum += total;
                        for (int i = 0; i < parts.length; i++) {
                            sums[i] += parts[i];
                        }
                        long rss = step % 10 == 0 ? rssMb() : 0;
                        maxRss = Math.max(maxRss, rss);
                        log.step(phase, epoch, step, total, parts, logVars, (System.nanoTime() - s0) / 1e6, rss);
                        listener.losses(phase, epoch, step, parts, logVars);
                        listener.step(phase, epoch, step, totalSteps, total);
                        if (!Float.isFinite(total)) {
                            throw new IllegalStateException("loss became " + total + " at step " + step);
                        }
                    }
                    int n = order.size();
                    for (int i = 0; i < sums.length; i++) {
                        sums[i] /= n;
                    }
                    MemoryUse mem = MemoryUse.now();
                    maxRss = Math.max(maxRss, mem.rssMb());
                    log.epoch(phase, epoch, n, totalSum / n, sums, logVars, (System.nanoTime() - e0) / 1e9, mem);
                    saveCheckpoint(model, epoch + 1);
                    listener.epochEnd(phase, epoch, model);
                }
            }
            if (refitReadout && net.wordHead() != null) {
                refit = ReadoutRefit.apply(model, data, o.seed(),
                        refitValidation == null ? null : FusionDataset.load(refitValidation));
            }
            model.save(o.out());
        }
        ObjectNode summary = JSON.createObjectNode();
        if (refit != null) {
            summary.set("readoutRefit", refit);
        }
        summary.put("seed", o.seed());
        summary.put("threads", o.threads());
        summary.put("pretrainEpochs", o.pretrainEpochs());
        summary.put("epochs", o.epochs());
        summary.put("steps", step);
        summary.put("batchUtterances", o.batchUtterances());
        summary.put("learningRate", o.learningRate());
        summary.put("lrSchedule", o.lrSchedule());
        summary.put("timeCode", o.cfg().timeCode());
        summary.put("temperature", o.temperature());
        summary.put("resumedAtEpoch", startEpoch);
        summary.put("seconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
        summary.put("maxRssMb", maxRss);
        summary.put("peakRssMb", MemoryUse.peakResidentMb()); // the whole run so far, readout refit included
        summary.put("processCpuSeconds", cpuSeconds());
        summary.put("parametersSha256", sha256(o.out().resolve(FusionModel.PARAMS_FILE)));
        if (warm != null) { // what it started from, by content (the folder's path is machine-specific)
            summary.put("warmStartParametersSha256", sha256(warm.resolve(FusionModel.PARAMS_FILE)));
        }
        summary.set("voices", JSON.valueToTree(data.header().voices()));
        summary.set("faces", JSON.valueToTree(data.header().faces()));
        summary.put("dataSeed", data.header().seed());
        summary.put("utterances", data.header().utterances());
        summary.put("samples", data.header().samples());
        JSON.writerWithDefaultPrettyPrinter().writeValue(o.out().resolve("training.json").toFile(), summary);
        return summary;
    }

    /**
     * DJL's {@code Parameter.load} replaces each array without marking it for gradients (only {@code initialize}
     * does): a loaded checkpoint got no gradients, so fine-tuning (calibration) and resumed runs never changed a
     * weight. Mark them again.
     */
    static void trainable(FusionNet net) {
        for (var p : net.getParameters().values()) {
            if (p.requiresGradient() && p.getArray() != null && !p.getArray().hasGradient()) {
                p.getArray().setRequiresGradient(true);
            }
        }
    }

    /** Cosine decay to 5 % over the run (counted per optimizer update, restarting on resume) or a fixed rate. */
    private Tracker learningRate(long totalSteps) {
        if (TrainOptions.FIXED.equals(o.lrSchedule())) {
            return Tracker.fixed(o.learningRate());
        }
        return Tracker.cosine().setBaseValue(o.learningRate()).optFinalValue(o.learningRate() * 0.05f)
                .setMaxUpdates((int) Math.max(1, totalSteps)).build();
    }

    private void saveCheckpoint(FusionModel model, int epochsDone) throws IOException {
        model.save(o.out().resolve(CHECKPOINT));
        ObjectNode s = JSON.createObjectNode();
        s.put("epochsDone", epochsDone);
        Path tmp = o.out().resolve(STATE + ".tmp");
        JSON.writeValue(tmp.toFile(), s);
        Files.move(tmp, o.out().resolve(STATE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Resident set size of this process in MB (Linux; 0 elsewhere). */
    public static long rssMb() {
        return MemoryUse.residentMb();
    }

    static double cpuSeconds() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return Math.round(sun.getProcessCpuTime() / 1e8) / 10.0;
        }
        return -1;
    }

    public static String sha256(Path file) throws IOException {
        try {
            var md = java.security.MessageDigest.getInstance("SHA-256");
            return java.util.HexFormat.of().formatHex(md.digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
