package dev.attend.app.cli;

import dev.attend.app.assistant.AssistantService;
import dev.attend.app.bench.LatencyStats;
import dev.attend.assistant.Assistant;
import dev.attend.assistant.intent.IntentPhrases;
import dev.attend.config.AppDirs;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code attend bench assistant}: end of command → reply latency, intent accuracy on held-out commands and false
 * actions on non-commands, through the real assistant (MiniLM, SQLite in a temporary folder, muted).
 */
@Command(name = "assistant", mixinStandardHelpOptions = true,
        description = "Assistant: end of command -> reply latency (p50/p95), intent accuracy on held-out commands, "
                + "false actions on non-command sentences. Muted; timers and notes go to a temporary folder.")
public final class BenchAssistantCommand implements Callable<Integer> {

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3",
            description = "Passes over the held-out set (default: ${DEFAULT-VALUE}).")
    int rounds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (rounds < 1) {
            throw new BadInputException("--rounds must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        IntentPhrases heldOut = heldOut();
        Path tmp = Files.createTempDirectory("attend-bench-assistant-");
        AppDirs user = AssistantCli.dirs(spec);
        AppDirs dirs = new AppDirs(tmp.resolve("config"), tmp.resolve("data"), user.cache());
        try (AssistantService s = AssistantService.open(dirs, AssistantService.Options.defaults().withMute(true)
                .withTimers(false), e -> { })) {
            Assistant a = s.assistant();
            List<Long> latencies = new ArrayList<>();
            int correct = 0;
            int commands = 0;
            int falseActions = 0;
            int nonCommands = 0;
            List<String> misses = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                for (Map.Entry<String, List<String>> e : heldOut.byIntent().entrySet()) {
                    for (String text : e.getValue()) {
                        long t0 = System.nanoTime();
                        Assistant.Outcome o = a.handle(dev.attend.assistant.Command.typed(0, text));
                        latencies.add(System.nanoTime() - t0);
                        if (r > 0) {
                            continue;
                        }
                        if ("none".equals(e.getKey())) {
                            nonCommands++;
                            if (o.reply().acted() || o.decision().understood()) {
                                falseActions++;
                                misses.add("none -> " + o.decision().intent() + ": " + text);
                            }
                        } else {
                            commands++;
                            if (o.decision().understood() && o.decision().intent().equals(e.getKey())) {
                                correct++;
                            } else {
                                misses.add(e.getKey() + " -> " + o.decision().intent() + ": " + text);
                            }
                        }
                    }
                }
            }
            long[] nanos = latencies.stream().mapToLong(Long::longValue).toArray();
            out.println("MiniLM intents over " + heldOut.size() + " held-out sentences, " + rounds
                    + " rounds, muted; first round counts for accuracy");
            out.println(LatencyStats.header());
            out.println(LatencyStats.of("end of command -> reply", nanos, 0).row());
            out.printf(Locale.ROOT, "intent accuracy (held-out commands): %d/%d = %.3f (bar >= 0.95)%n", correct,
                    commands, correct / (double) commands);
            out.printf(Locale.ROOT, "false actions on non-commands: %d of %d sentences%n", falseActions, nonCommands);
            misses.forEach(m -> out.println("  miss: " + m));
            out.flush();
        }
        return ExitCodes.OK;
    }

    private static IntentPhrases heldOut() throws IOException {
        try (InputStream in = BenchAssistantCommand.class.getResourceAsStream("/dev/attend/app/bench/"
                + "assistant-heldout.txt")) {
            return IntentPhrases.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "assistant-heldout.txt");
        }
    }
}
