package dev.attend.app.cli;

import dev.attend.app.bench.WakeBench;
import dev.attend.encoders.audio.AudioModels;
import dev.attend.encoders.audio.wake.WakeOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code attend bench wake}: wake-word detection rate across the 80 ms grid and false accepts per hour, openWakeWord's
 * single-phase scoring against Attend's phase-robust scoring in one run.
 */
@Command(name = "wake", mixinStandardHelpOptions = true,
        description = "Wake words: detection rate of espeak-ng voices at start offsets across the 80 ms grid, and "
                + "false accepts per hour on generated non-wake audio (cached), openWakeWord's single phase vs "
                + "Attend's phase-robust scoring; then the audio stack's real-time factor.")
public final class BenchWakeCommand implements Callable<Integer> {

    @Option(names = "--hours", defaultValue = "3", paramLabel = "H",
            description = "Hours of false-accept audio; 0 skips that part (default ${DEFAULT-VALUE}).")
    double hours;

    @Option(names = "--offsets", defaultValue = "8", paramLabel = "N",
            description = "Start offsets per word and voice, 10 ms apart, 1..8 (default ${DEFAULT-VALUE}).")
    int offsets;

    @Option(names = "--voices", split = ",", paramLabel = "V",
            description = "espeak-ng voices (with +variant) for the detection clips, or 'none' (default: 8 English "
                    + "voices x 4 variants).")
    List<String> voices;

    @Option(names = "--phases", defaultValue = "8", paramLabel = "P",
            description = "Attend's block phases: 1, 2, 4 or 8 (default ${DEFAULT-VALUE}).")
    int phases;

    @Option(names = "--phase-gate", paramLabel = "G",
            description = "Score that opens the other phases; 0 = always computed (default: threshold / 10).")
    Double phaseGate;

    @Option(names = "--threshold", defaultValue = "0.5", description = "Wake threshold (default ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--patience", defaultValue = "2", paramLabel = "B",
            description = "Consecutive 80 ms blocks at or above the threshold (default ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--extra-patience", split = ",", paramLabel = "MODEL=B",
            description = "Blocks a model waits beyond --patience, e.g. alexa=0 (default: hey_jarvis=1,alexa=1, "
                    + "the shipped rule).")
    Map<String, Integer> extraPatience;

    @Option(names = "--threshold-shift", split = ",", paramLabel = "MODEL=D",
            description = "Added to --threshold for one model, e.g. alexa=0.25 (default: none, the shipped rule).")
    Map<String, Double> thresholdShift;

    @Option(names = "--tune-models",
            description = "Also choose a threshold and patience per model on the tuning split and report the picked "
                    + "rule on both splits (replays: about a minute).")
    boolean tuneModels;

    @Option(names = "--votes", defaultValue = "1", paramLabel = "K",
            description = "Phases that must reach the threshold in one block (default ${DEFAULT-VALUE}).")
    int votes;

    @Option(names = "--tune",
            description = "Also sweep scoring rules on a tuning split of voices and corpus segments and report "
                    + "them on the held-out rest (replays the recorded scores: seconds).")
    boolean tune;

    @Option(names = "--verifier",
            description = "Also report the rule with and without the second-stage verifier, per model, tuning and "
                    + "held out (records the candidates' windows once: one more front-end run, cached), and the stack's "
                    + "cost with the verifier on.")
    boolean verifier;

    @Option(names = "--train-verifier", paramLabel = "DIR",
            description = "Train the per-model verifiers (espeak-ng voices the bench does not use, near-miss words, "
                    + "the corpus's tuning half) and write their weights into DIR; implies --verifier.")
    Path trainVerifier;

    @Option(names = "--verifier-corpus-hours", defaultValue = "0", paramLabel = "H",
            description = "With --train-verifier: also make H hours of non-wake audio for training only (English "
                    + "variants no bench voice uses, seeds apart from the bench's corpus; cached) and take its "
                    + "windows scored >= --verifier-floor as negatives (default ${DEFAULT-VALUE}).")
    double verifierCorpusHours;

    @Option(names = "--verifier-floor", defaultValue = "0.05", paramLabel = "S",
            description = "Lowest head score of a training-corpus window taken as a negative (default "
                    + "${DEFAULT-VALUE}; windows are kept from 0.05).")
    float verifierFloor;

    @Option(names = "--stack-seconds", defaultValue = "120", paramLabel = "S",
            description = "Seconds of the corpus for the audio stack's real-time factor; 0 skips it "
                    + "(default ${DEFAULT-VALUE}).")
    int stackSeconds;

    @Option(names = "--threads", defaultValue = "2", paramLabel = "N",
            description = "Worker threads scoring clips and segments, each with its own models (default "
                    + "${DEFAULT-VALUE}); CPU figures are per thread, so they do not change with it.")
    int threads;

    @Option(names = "--work", paramLabel = "DIR",
            description = "Where the generated audio is cached (default: <cache>/bench-wake).")
    Path work;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!(hours >= 0 && hours <= 100) || offsets < 1 || offsets > 8 || stackSeconds < 0 || stackSeconds > 3600
                || threads < 1 || threads > 16 || !(verifierCorpusHours >= 0 && verifierCorpusHours <= 100)
                || !(verifierFloor >= 0.05f && verifierFloor < 1)) {
            throw new BadInputException("--hours must be 0..100, --offsets 1..8, --stack-seconds 0..3600, "
                    + "--threads 1..16, --verifier-corpus-hours 0..100, --verifier-floor 0.05..1");
        }
        WakeOptions wake;
        try {
            wake = WakeOptions.withThreshold(threshold).withPhases(phases).withPatience(patience);
            if (phaseGate != null) {
                wake = wake.withPhaseGate(phaseGate);
            }
            wake = wake.withVotes(votes).withVerify(verifier || trainVerifier != null);
            if (extraPatience != null) {
                Map<String, Integer> extra = new HashMap<>(wake.extraPatience());
                for (var e : extraPatience.entrySet()) {
                    if (!AudioModels.wakeWordNames().contains(e.getKey())) {
                        throw new IllegalArgumentException("--extra-patience: unknown wake word '" + e.getKey()
                                + "'; bundled: " + String.join(", ", AudioModels.wakeWordNames()));
                    }
                    extra.put(e.getKey(), e.getValue());
                }
                wake = wake.withExtraPatience(extra);
            }
            if (thresholdShift != null) {
                Map<String, Double> shift = new HashMap<>(wake.thresholdShift());
                for (var e : thresholdShift.entrySet()) {
                    if (!AudioModels.wakeWordNames().contains(e.getKey())) {
                        throw new IllegalArgumentException("--threshold-shift: unknown wake word '" + e.getKey()
                                + "'; bundled: " + String.join(", ", AudioModels.wakeWordNames()));
                    }
                    shift.put(e.getKey(), e.getValue());
                }
                wake = wake.withThresholdShift(shift);
            }
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        List<String> v = voices == null ? WakeBench.DEFAULT_VOICES
                : voices.equals(List.of("none")) ? List.of() : voices;
        if (v.stream().anyMatch(s -> s.isBlank() || !s.matches("[A-Za-z0-9_+-]+"))) {
            throw new BadInputException("--voices: espeak-ng voice names such as en-us or en-gb+f2, got "
                    + Arrays.toString(v.toArray()));
        }
        Path dir = work != null ? work : ((AttendCommand) spec.root().userObject()).dirs().cache().resolve("bench-wake");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter log = spec.commandLine().getErr();
        new WakeBench(new WakeBench.Settings(dir, hours, offsets, v, wake, stackSeconds, threads, tune,
                tuneModels, verifier, trainVerifier, verifierCorpusHours, verifierFloor), out, log).run();
        return ExitCodes.OK;
    }
}
