package dev.attend.app.cli;

import dev.attend.fusion.data.DataDefaults;
import dev.attend.fusion.data.FusionData;
import dev.attend.fusion.data.FusionDataGenerator;
import dev.attend.fusion.model.FusionConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code attend testkit fusion-data --out DIR [--voices …] [--faces …] [--seed S] [--utterances N]}. */
@Command(name = "fusion-data", mixinStandardHelpOptions = true,
        description = "Generate training/evaluation data for the fusion transformer (espeak-ng speech, synthetic "
                + "talking faces, precomputed encoder tokens); format in docs/fusion.md.")
final class FusionDataCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write (replaced).")
    Path out;

    @Option(names = "--voices", split = ",", paramLabel = "VOICE",
            description = "espeak-ng voices with variants, e.g. en-us+f2 (default: the training voices).")
    List<String> voices;

    @Option(names = "--held-out", description = "Use the held-out voices and faces (for attend eval).")
    boolean heldOut;

    @Option(names = "--faces", split = ",", paramLabel = "IMG",
            description = "Face images: files, NPY#index, or skimage:NAME (default: the training faces).")
    List<String> faces;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--utterances", defaultValue = "1500",
            description = "Utterances to make; 3 samples each (default ${DEFAULT-VALUE}).")
    int utterances;

    @Option(names = "--espeak", defaultValue = "espeak-ng", description = "espeak-ng executable.")
    String espeak;

    @Option(names = "--salvage", paramLabel = "HEADER",
            description = "Finish an interrupted --out folder: keep its complete utterances; HEADER = a "
                    + "fusion-data.json of the same settings (voices, faces) to copy the fields from.")
    Path salvage;

    @Option(names = "--merge", split = ",", paramLabel = "DIR",
            description = "Instead of generating: join these data folders (renumbered) into --out.")
    List<Path> merge;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (merge != null) {
            if (merge.contains(out)) {
                throw new BadInputException("--out must not be one of the --merge folders: " + out);
            }
            FusionData.Header h = dev.attend.fusion.data.FusionDataset.merge(merge, out);
            spec.commandLine().getOut().println("merged " + h.utterances() + " utterances, " + h.samples()
                    + " samples from " + merge.size() + " folders -> " + out);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        if (salvage != null) {
            FusionData.Header t = new com.fasterxml.jackson.databind.ObjectMapper().readValue(salvage.toFile(),
                    FusionData.Header.class);
            List<String> sv = voices != null ? voices : t.voices();
            FusionData.Header h = FusionData.salvage(out, new FusionData.Header(t.format(), t.version(), seed,
                    t.tokenSeconds(), t.audioTokens(), t.videoTokens(), t.textTokens(), t.audioDim(), t.videoDim(),
                    t.textDim(), t.intents(), sv, t.faces(), 0, 0));
            spec.commandLine().getOut().println("salvaged " + h.utterances() + " utterances, " + h.samples()
                    + " samples in " + out);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        List<String> v = voices != null ? voices : heldOut ? DataDefaults.HELD_OUT_VOICES : DataDefaults.TRAIN_VOICES;
        List<String> f = faces != null ? faces : heldOut ? DataDefaults.heldOutFaces() : DataDefaults.trainFaces();
        FusionDataGenerator gen;
        try {
            gen = new FusionDataGenerator(new FusionDataGenerator.Options(out, v, f, seed, utterances, espeak,
                    FusionConfig.defaults()));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "fusion-data");
        FusionData.Header h = gen.run((done, total) -> bar.update(done, total, ""));
        bar.finish();
        PrintWriter w = spec.commandLine().getOut();
        w.println("fusion data: " + h.utterances() + " utterances, " + h.samples() + " samples, " + h.voices().size()
                + " voices, " + h.faces().size() + " faces -> " + out);
        w.flush();
        return ExitCodes.OK;
    }
}
