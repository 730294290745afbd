package dev.attend.app.cli;

import dev.attend.fusion.live.BundledFusionModel;
import dev.attend.fusion.live.FusionBench;
import dev.attend.fusion.model.FusionModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code attend bench fusion}: the live fusion step's latency and memory over many steps. */
@Command(name = "fusion", mixinStandardHelpOptions = true,
        description = "Time the streaming fusion step (window + model + watched attention copy) and watch memory.")
public final class BenchFusionCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "DIR", description = "Fusion model folder (default: bundled).")
    Path model;

    @Option(names = "--steps", defaultValue = "10000", description = "Timed steps (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup", defaultValue = "200", description = "Untimed steps first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--attention", split = ",", defaultValue = "audio<-video.0,text<-audio.0",
            description = "Watched maps copied out every step: names, all, or none (default: ${DEFAULT-VALUE}, "
                    + "what the attention lab shows).")
    List<String> attention;

    @Option(names = "--threads", defaultValue = "1", description = "libtorch threads (default ${DEFAULT-VALUE}).")
    int threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (steps < 1 || warmup < 0 || threads < 1) {
            throw new BadInputException("--steps and --threads must be at least 1, --warmup at least 0");
        }
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        try (FusionModel m = model != null ? FusionModel.load(model) : BundledFusionModel.load()) {
            Set<String> watched = new LinkedHashSet<>();
            for (String a : attention) {
                if (a.equals("all")) {
                    watched.addAll(m.net().attentionNames());
                } else if (!a.equals("none")) {
                    if (!m.net().attentionNames().contains(a)) {
                        throw new BadInputException("--attention: no map '" + a + "'; the model has "
                                + String.join(", ", m.net().attentionNames()));
                    }
                    watched.add(a);
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(FusionBench.run(m, steps, warmup, watched).toPrettyString());
            out.flush();
        }
        return ExitCodes.OK;
    }
}
