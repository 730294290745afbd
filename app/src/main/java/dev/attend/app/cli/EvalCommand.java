package dev.attend.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attend.fusion.data.FusionDataset;
import dev.attend.fusion.eval.FusionEvaluator;
import dev.attend.fusion.live.BundledFusionModel;
import dev.attend.fusion.model.FusionModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code attend eval --data DIR [--model DIR] [--out FILE]}: the fusion model's report as JSON. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate the fusion transformer (default: the bundled one) on generated data; prints JSON.")
final class EvalCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", required = true, description = "Generated data folder.")
    Path data;

    @Option(names = "--model", paramLabel = "DIR", description = "Model folder from 'attend train' (default: bundled).")
    Path model;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the report here.")
    Path out;

    @Option(names = "--threads", defaultValue = "2", description = "libtorch threads (default ${DEFAULT-VALUE}).")
    int threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        FusionDataset ds;
        try {
            ds = FusionDataset.load(data);
        } catch (java.io.IOException e) {
            throw new BadInputException(e.getMessage());
        }
        ObjectNode report;
        try (FusionModel m = model != null ? FusionModel.load(model) : BundledFusionModel.load()) {
            report = FusionEvaluator.evaluate(m, ds);
            report.put("model", model != null ? model.toString() : "bundled");
            report.put("data", data.getFileName().toString());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        String json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report);
        if (out != null) {
            java.nio.file.Files.writeString(out, json + "\n");
        }
        PrintWriter w = spec.commandLine().getOut();
        w.println(json);
        w.flush();
        return ExitCodes.OK;
    }
}
