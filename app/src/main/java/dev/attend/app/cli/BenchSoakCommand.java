package dev.attend.app.cli;

import dev.attend.app.bench.soak.ProcessSample;
import dev.attend.app.bench.soak.Soak;
import dev.attend.app.bench.soak.SoakMedia;
import dev.attend.app.bench.soak.TrendCheck;
import dev.attend.translate.ApertiumInstall;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code attend bench soak}: long all-stage replay with RSS/heap/threads/fds sampled and a trend check. */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Replay the demo clip with a tone-language track in back-to-back fast sessions with every "
                + "stage on (ASR with the tone model, translation, attention, wake, VAD, faces); sample RSS, heap "
                + "after GC, threads and open files; exit 1 when one of them grows after the warm-up.")
public final class BenchSoakCommand implements Callable<Integer> {

    static final class Length {
        @Option(names = "--minutes", paramLabel = "M", description = "How long to run, in minutes.")
        Double minutes;

        @Option(names = "--hours", paramLabel = "H", description = "How long to run, in hours.")
        Double hours;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Length length;

    @Option(names = "--sample-seconds", paramLabel = "S", defaultValue = "60",
            description = "Seconds between samples (default: ${DEFAULT-VALUE}).")
    double sampleSeconds;

    @Option(names = "--warmup-minutes", paramLabel = "M",
            description = "Samples before this are not part of the trend (default: a fifth of the run, at most 10).")
    Double warmupMinutes;

    @Option(names = "--translate", paramLabel = "PAIR", defaultValue = "eng-spa",
            description = "Apertium pair to translate with, or none (default: ${DEFAULT-VALUE}, when installed).")
    String pair;

    @Option(names = "--max-rss-mib", paramLabel = "MIB", defaultValue = "600",
            description = "Exit 1 when the steady RSS goes above this (default: ${DEFAULT-VALUE}).")
    double maxRss;

    @Option(names = "--without", paramLabel = "STAGE[,STAGE]", split = ",",
            description = "Leave stages out, to find the one that grows: asr, translation, attention, faces, wake, "
                    + "vad (default: none left out).")
    java.util.Set<String> without = new java.util.TreeSet<>();

    @Option(names = "--samples", paramLabel = "FILE",
            description = "Also write each sample to this CSV file as it is taken, and the trend so far to "
                    + "FILE.trend, so a run cut short still leaves its data (default: none).")
    Path samplesFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        double seconds = length.hours != null ? length.hours * 3600 : length.minutes * 60;
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new BadInputException("--minutes/--hours must be positive");
        }
        if (!(sampleSeconds >= 1)) {
            throw new BadInputException("--sample-seconds must be at least 1, not " + sampleSeconds);
        }
        double warmup = warmupMinutes != null ? warmupMinutes * 60 : Math.min(600, seconds / 5);
        if (!(warmup >= 0) || (seconds - warmup) / sampleSeconds < 3) {
            throw new BadInputException("too short for a trend: at least 3 samples are needed after the warm-up "
                    + "(lower --sample-seconds or --warmup-minutes, or run longer)");
        }
        for (String w : without) {
            if (!Soak.STAGES.contains(w)) {
                throw new BadInputException("--without: unknown stage '" + w + "'; stages: "
                        + String.join(", ", Soak.STAGES));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        String translation = chosenPair(out);
        Path work = Files.createTempDirectory("attend-soak-");
        try {
            SoakMedia media = SoakMedia.create(work, 18);
            out.printf("soak: %.1f min, a sample every %.0f s, warm-up %.1f min; demo clip + tone track "
                            + "(%d utterances per session), translation %s%s%n", seconds / 60, sampleSeconds, warmup / 60,
                    media.utterances(), translation == null ? "off" : translation,
                    without.isEmpty() ? "" : "; without " + String.join(",", without));
            Soak.Report r = new Soak(media, translation, Duration.ofMillis((long) (seconds * 1000)),
                    Duration.ofMillis((long) (sampleSeconds * 1000)), Duration.ofMillis((long) (warmup * 1000)),
                    without)
                    .run(out, samplesFile == null ? null : dev.attend.app.bench.soak.SampleLog.create(samplesFile,
                            Duration.ofMillis((long) (warmup * 1000))));
            out.printf("sessions %d, events %d: %s%n", r.sessions(), r.events(), r.eventCounts());
            r.errors().stream().distinct().limit(5).forEach(e -> out.println("source.error " + e));
            for (TrendCheck.Result t : r.trends()) {
                out.println(t.line());
            }
            boolean tooBig = r.maxSteadyRssMiB() > maxRss;
            out.printf("max steady RSS %.1f MiB (limit %.0f)%s; max heap after GC %.1f MiB (-Xmx %d MiB)%n",
                    r.maxSteadyRssMiB(), maxRss, tooBig ? " EXCEEDED" : "",
                    r.steady().stream().mapToDouble(ProcessSample::heapMiB).max().orElse(-1),
                    Runtime.getRuntime().maxMemory() >> 20);
            boolean ok = !r.grows() && !tooBig && r.errors().isEmpty();
            out.println(ok ? "soak: OK" : "soak: FAILED");
            out.flush();
            return ok ? ExitCodes.OK : ExitCodes.FAILURE;
        } finally {
            deleteTree(work);
        }
    }

    private String chosenPair(PrintWriter out) {
        if ("none".equals(pair)) {
            return null;
        }
        ApertiumInstall apertium = ApertiumInstall.detect();
        if (apertium.available() && apertium.pairs().contains(pair)) {
            return pair;
        }
        out.println("note: Apertium pair " + pair + " not installed; soaking without translation");
        return null;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // a temp folder; nothing else to do
        }
    }
}
