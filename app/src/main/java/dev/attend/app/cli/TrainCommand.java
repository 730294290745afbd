package dev.attend.app.cli;

import dev.attend.fusion.model.FusionConfig;
import dev.attend.fusion.train.FusionTrainer;
import dev.attend.fusion.train.TrainOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code attend train}: contrastive pre-training then multi-task fine-tuning of the fusion transformer. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the fusion transformer on data from 'attend testkit fusion-data' (docs/fusion.md).")
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", required = true, description = "Generated data folder.")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Where the model, logs (steps.csv, epochs.json, training.json) and checkpoints go.")
    Path out;

    @Option(names = "--epochs", defaultValue = "12", description = "Fine-tuning epochs (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--pretrain-epochs", defaultValue = "3",
            description = "Contrastive pre-training epochs first (default ${DEFAULT-VALUE}).")
    int pretrainEpochs;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", defaultValue = "2",
            description = "libtorch threads; results are bit-identical only for the same count (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--batch", defaultValue = "12",
            description = "Utterances per batch, 3 windows each (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Adam learning rate (default ${DEFAULT-VALUE}).")
    float lr;

    @Option(names = "--temperature", defaultValue = "0.1", description = "InfoNCE temperature (default ${DEFAULT-VALUE}).")
    float temperature;

    @Option(names = "--d-model", defaultValue = "64", description = "Model width (default ${DEFAULT-VALUE}).")
    int dModel;

    @Option(names = "--heads", defaultValue = "4", description = "Attention heads (default ${DEFAULT-VALUE}).")
    int heads;

    @Option(names = "--layers", defaultValue = "2", description = "Self-attention layers per modality (default ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--lr-schedule", defaultValue = "cosine",
            description = "cosine (down to 5 %% of --lr over the run) or fixed (default ${DEFAULT-VALUE}).")
    String lrSchedule;

    @Option(names = "--time-code", defaultValue = "relative",
            description = "relative (per-head penalty on seconds between tokens; streams incrementally) or absolute "
                    + "(sinusoids of window time) (default ${DEFAULT-VALUE}).")
    String timeCode;

    @Option(names = "--audio-pool", defaultValue = "attention",
            description = "How the intent head and the audio→text projection pool the audio: attention (learned) or "
                    + "mean (default ${DEFAULT-VALUE}).")
    String audioPool;

    @Option(names = "--word-head", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "A word head (which word just ended, per audio token; its vocabulary = the data's words "
                    + "occurring at least 20 times) whose posteriors feed the intent, slot and audio→text heads "
                    + "(default ${DEFAULT-VALUE}; --no-word-head for the session-5 layout).")
    boolean wordHead;

    @Option(names = "--resume", description = "Continue after the last finished epoch in --out.")
    boolean resume;

    @Option(names = "--init", paramLabel = "DIR", description = "Start from a model folder's parameters wherever name and "
            + "shape match (e.g. the shipped checkpoint); the rest (such as new slot heads) start fresh.")
    Path init;

    @Option(names = "--readout-refit", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Last step for word-head models: refit the audio-only intent layer by logistic regression "
                    + "on the final words heard, L2 chosen on --refit-validation or 10 %% of the training voices (default ${DEFAULT-VALUE}; "
                    + "--no-readout-refit skips it).")
    boolean readoutRefit;

    @Option(names = "--refit-validation", paramLabel = "DIR", description = "Fusion data in voices outside --data "
            + "on which the readout refit chooses its L2 strength (default: 10 %% of the training voices).")
    Path refitValidation;

    @Option(names = "--refit-readout", description = "Only refit the audio-only intent layer of the --init model on "
            + "--data and save the result to --out (no training).")
    boolean refitOnly;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(data)) {
            throw new BadInputException("no data folder " + data);
        }
        // before the PyTorch engine loads: a fixed thread count is what makes runs bit-identical
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        if (refitOnly) {
            return refitOnly();
        }
        TrainOptions o;
        try {
            FusionConfig d = FusionConfig.defaults();
            FusionConfig cfg = new FusionConfig(dModel, heads, layers, d.crossLayers(), 2 * dModel, d.dropout(),
                    d.audioTokens(), d.videoTokens(), d.textTokens(), d.intents(), timeCode, audioPool);
            if (wordHead) {
                cfg = cfg.withWords(dev.attend.fusion.train.WordLabels.vocabulary(
                        dev.attend.fusion.data.FusionDataset.load(data)));
            }
            o = new TrainOptions(data, out, cfg, pretrainEpochs, epochs, seed, threads, batch, lr, temperature, resume,
                    lrSchedule);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "train");
        if (init != null && !java.nio.file.Files.isRegularFile(init.resolve(dev.attend.fusion.model.FusionModel.CONFIG_FILE))) {
            throw new BadInputException("--init needs a fusion model folder (with "
                    + dev.attend.fusion.model.FusionModel.CONFIG_FILE + "): " + init);
        }
        if (refitValidation != null && !Files.isDirectory(refitValidation)) {
            throw new BadInputException("no --refit-validation data folder " + refitValidation);
        }
        var summary = new FusionTrainer(o).warmStartFrom(init).refitReadout(readoutRefit)
                .refitValidation(refitValidation).run((phase, epoch, step, total, loss) ->
                bar.update(step, total, String.format(Locale.ROOT, "%s epoch %d loss %.4f", phase, epoch + 1, loss)));
        bar.finish();
        PrintWriter w = spec.commandLine().getOut();
        w.println(summary.toPrettyString());
        w.flush();
        return ExitCodes.OK;
    }

    private int refitOnly() throws Exception {
        if (init == null || !Files.isRegularFile(init.resolve(dev.attend.fusion.model.FusionModel.CONFIG_FILE))) {
            throw new BadInputException("--refit-readout needs --init, a fusion model folder (with "
                    + dev.attend.fusion.model.FusionModel.CONFIG_FILE + ")" + (init == null ? "" : ": " + init));
        }
        if (init.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
            throw new BadInputException("--out must differ from --init (the refit writes a new model folder)");
        }
        if (refitValidation != null && !Files.isDirectory(refitValidation)) {
            throw new BadInputException("no --refit-validation data folder " + refitValidation);
        }
        var summary = ReadoutRefitRun.run(init, data, out, seed, refitValidation);
        PrintWriter w = spec.commandLine().getOut();
        w.println(summary.toPrettyString());
        w.flush();
        return ExitCodes.OK;
    }
}
