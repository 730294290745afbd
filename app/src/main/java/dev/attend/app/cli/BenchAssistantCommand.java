package dev.attend.app.cli;

import dev.attend.assistant.service.AssistantService;
import dev.attend.fusion.live.FusionAudioIntents;
import dev.attend.app.bench.AssistantFalseActions;
import dev.attend.app.bench.AssistantSpokenBench;
import dev.attend.app.bench.LatencyStats;
import dev.attend.fusion.data.DataDefaults;
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

    @Option(names = "--spoken", description = "Also the held-out commands spoken by espeak-ng in voices the fusion "
            + "model was not trained on, as push-to-talk without a speech model (intent from the audio alone).")
    boolean spoken;

    @Option(names = "--voices", split = ",", paramLabel = "VOICE",
            description = "espeak-ng voices for --spoken (default: the fusion model's held-out voices).")
    List<String> voices;

    @Option(names = "--word-by-word", description = "With --spoken: each word spoken on its own, joined by 75 ms "
            + "pauses, as the fusion model's training data is made (a diagnosis of what limits the audio head).")
    boolean wordByWord;

    @Option(names = "--real-tail", description = "With --spoken: give the audio head the real 0.4 s after the "
            + "speech instead of the live path's silence padding (a diagnosis of what padding costs).")
    boolean realTail;

    @Option(names = "--phrases", paramLabel = "FILE",
            description = "Another sentence set for --spoken, in the phrase-file format, or 'calibration' (the "
                    + "bundled calibration set, from the fusion data generator's phrases; default: the held-out set).")
    Path phrases;

    @Option(names = "--false-actions", paramLabel = "DURATION",
            description = "Also play DURATION (e.g. 30m, 90s) of non-command speech (espeak-ng reading a Debian "
                    + "text corpus in many voices; cached) through a session with the assistant and count actions.")
    String falseActionsFor;

    @Option(names = "--threads", defaultValue = "1", description = "libtorch threads for the audio head (default "
            + "${DEFAULT-VALUE}: its forward pass is tiny, and more threads only contend on a busy machine).")
    int threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (rounds < 1 || threads < 1) {
            throw new BadInputException("--rounds and --threads must be at least 1");
        }
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        PrintWriter out = spec.commandLine().getOut();
        IntentPhrases heldOut = heldOut();
        Path tmp = Files.createTempDirectory("attend-bench-assistant-");
        AppDirs user = AssistantCli.dirs(spec);
        AppDirs dirs = new AppDirs(tmp.resolve("config"), tmp.resolve("data"), user.cache());
        double faMinutes = falseActionsFor == null ? 0 : minutes(falseActionsFor);
        try {
            return run(out, heldOut, tmp, user, dirs, faMinutes);
        } finally { // the bench's assistant database, phrase file and spoken clips never outlive it
            dev.attend.app.bench.BenchTempDirs.delete(tmp);
        }
    }

    private Integer run(PrintWriter out, IntentPhrases heldOut, Path tmp, AppDirs user, AppDirs dirs,
                        double faMinutes) throws Exception {
        try (FusionAudioIntents audio = new FusionAudioIntents();
             AssistantService s = AssistantService.open(dirs, AssistantService.Options.defaults().withMute(true)
                .withTimers(false).withAudioModel(audio), e -> { })) {
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
            if (spoken) {
                spoken(a, heldOut, tmp, out);
            }
            if (falseActionsFor != null) {
                falseActionsRun(s, faMinutes, user, out);
            }
        }
        return ExitCodes.OK;
    }

    private void spoken(Assistant a, IntentPhrases heldOut, Path tmp, PrintWriter out) throws IOException {
        List<String> v = voices == null || voices.isEmpty() ? DataDefaults.HELD_OUT_VOICES : voices;
        PrintWriter log = new PrintWriter(System.err, true);
        try (AssistantSpokenBench b = new AssistantSpokenBench(tmp, wordByWord, realTail)) {
            IntentPhrases set = phrases == null ? heldOut : "calibration".equals(phrases.toString())
                    ? bundled("assistant-calibration.txt")
                    : IntentPhrases.parse(Files.readString(phrases, StandardCharsets.UTF_8), phrases.toString());
            AssistantSpokenBench.Result r = b.run(a, set, v, log);
            out.printf(Locale.ROOT, "%nSpoken commands (%s%s), push-to-talk, no speech model (fusion intent head on "
                    + "the audio tokens), voices %s:%n", phrases == null ? "held-out set" : phrases,
                    (wordByWord ? ", word by word" : "") + (realTail ? ", real tail" : ""), String.join(", ", v));
            out.printf(Locale.ROOT, "intent accuracy (spoken held-out commands): %d/%d = %.3f (bar >= 0.95); "
                    + "understood %d, of which right %.3f%n", r.correct(), r.commands(),
                    r.correct() / (double) r.commands(), r.understood(),
                    r.understood() == 0 ? 0 : r.correct() / (double) r.understood());
            out.printf(Locale.ROOT, "false actions on spoken non-commands: %d of %d%n", r.falseActions(),
                    r.nonCommands());
            out.println("latency from the VAD's end of speech (" + (realTail ? "real tail" : "tail padded with silence")
                    + ", audio head twice, slots, skill):");
            out.println(LatencyStats.header());
            out.println(LatencyStats.of("end of speech -> reply (spoken)", r.nanos(), 0).row());
            r.perIntent().forEach((k, c) -> out.printf(Locale.ROOT, "  %-15s %d/%d%n", k, c[0], c[1]));
            r.slots().forEach(out::println);
            out.println("audio head alone by confidence threshold:");
            r.sweep().forEach(out::println);
            r.misses().forEach(m -> out.println("  miss: " + m));
            out.flush();
        }
    }

    private void falseActionsRun(AssistantService s, double minutes, AppDirs user, PrintWriter out) throws Exception {
        PrintWriter log = new PrintWriter(System.err, true);
        AssistantFalseActions.Result r = AssistantFalseActions.run(user.cache().resolve("bench-wake").resolve("fa"),
                minutes, s, s.settings().wakeWord(), log);
        out.printf(Locale.ROOT, "%nFalse actions: %.1f min of audio (%.1f min speech in %d passages of %s), wake word "
                + "%s, no speech model%n", r.seconds() / 60, r.speechSeconds() / 60, r.passages(), r.source(),
                s.settings().wakeWord());
        out.printf(Locale.ROOT, "wake events %d, commands opened %d, commands judged %d, false actions %d (bar 0)%n",
                r.wakes(), r.activations(), r.commands(), r.actions());
        r.details().forEach(d -> out.println("  " + d));
        out.flush();
    }

    /** "30m", "90s", "1h", "45" (minutes). */
    static double minutes(String d) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([smh]?)")
                .matcher(d.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new BadInputException("--false-actions takes a duration such as 30m, 90s or 1h, not '" + d + "'");
        }
        double v = Double.parseDouble(m.group(1));
        double min = switch (m.group(2)) {
            case "s" -> v / 60;
            case "h" -> v * 60;
            default -> v;
        };
        if (min <= 0 || min > 600) {
            throw new BadInputException("--false-actions must be more than 0 and at most 10 hours, not '" + d + "'");
        }
        return min;
    }

    private static IntentPhrases heldOut() throws IOException {
        return bundled("assistant-heldout.txt");
    }

    private static IntentPhrases bundled(String name) throws IOException {
        try (InputStream in = BenchAssistantCommand.class.getResourceAsStream("/dev/attend/app/bench/" + name)) {
            return IntentPhrases.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
        }
    }
}
