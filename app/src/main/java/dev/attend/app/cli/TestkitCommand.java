package dev.attend.app.cli;

import dev.attend.testkit.ToneAudio;
import dev.attend.testkit.ToneLanguage;
import dev.attend.testkit.ToneModelSpec;
import dev.attend.testkit.ToneModelWriter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code attend testkit …}: the generated tone-language model and its audio, to reproduce tests by hand. */
@Command(name = "testkit", mixinStandardHelpOptions = true,
        description = "Generate the tiny tone-language Vosk model and matching audio (for tests and diagnostics).",
        subcommands = {TestkitCommand.VoskModel.class, TestkitCommand.Tones.class, FusionDataCommand.class})
public final class TestkitCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code attend testkit vosk-model --out DIR [--grammar]}. */
    @Command(name = "vosk-model", mixinStandardHelpOptions = true,
            description = "Write the tone-language Vosk model (words: one … nine, zero) into a new folder.")
    static final class VoskModel implements Callable<Integer> {

        @Option(names = "--out", paramLabel = "DIR", required = true, description = "New or empty folder.")
        Path out;

        @Option(names = "--grammar",
                description = "Runtime graph (graph/HCLr.fst + Gr.fst, with [unk]) so phrase-list grammars work.")
        boolean grammar;

        @Option(names = "--trailing-silence", paramLabel = "S", defaultValue = "0.5",
                description = "Seconds of silence that end an utterance (default ${DEFAULT-VALUE}).")
        double trailingSilence;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            ToneModelWriter writer;
            try {
                writer = new ToneModelWriter(ToneModelSpec.defaults().withGrammar(grammar)
                        .withTrailingSilence(trailingSilence));
                writer.write(out);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage());
            }
            PrintWriter w = spec.commandLine().getOut();
            w.println("tone-language Vosk model (" + (grammar ? "runtime graph, grammars supported" : "static graph")
                    + ") written to " + out);
            StringBuilder tones = new StringBuilder();
            for (int t = 0; t < ToneLanguage.TONES; t++) {
                tones.append(String.format(Locale.ROOT, " %c=%.1f Hz", (char) ('A' + t), ToneLanguage.toneHz(t)));
            }
            w.println("tones:" + tones);
            w.println("words: " + String.join(" ", writer.wordList().subList(1, writer.wordList().size())));
            w.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code attend testkit tones --words "one two" --out F.wav}. */
    @Command(name = "tones", mixinStandardHelpOptions = true,
            description = "Synthesize a WAV of tone-language words and print each word's true span in seconds.")
    static final class Tones implements Callable<Integer> {

        @Option(names = "--words", required = true, paramLabel = "TEXT",
                description = "Words separated by spaces, e.g. \"one two three\".")
        String words;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "WAV file to write.")
        Path out;

        @Option(names = "--noise", paramLabel = "STD", defaultValue = "0",
                description = "Gaussian noise standard deviation in 16-bit units (default ${DEFAULT-VALUE}).")
        double noise;

        @Option(names = "--gap", paramLabel = "S", defaultValue = "0.3",
                description = "Silence between words in seconds (default ${DEFAULT-VALUE}).")
        double gap;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Noise seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--lead", paramLabel = "S", defaultValue = "0.5", description = "Leading silence (default ${DEFAULT-VALUE}).")
        double lead;

        @Option(names = "--tail", paramLabel = "S", defaultValue = "1.0", description = "Trailing silence (default ${DEFAULT-VALUE}).")
        double tail;

        @Option(names = "--amplitude", paramLabel = "A", defaultValue = "8000",
                description = "Tone peak in 16-bit units (default ${DEFAULT-VALUE}).")
        double amplitude;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            List<String> list = Arrays.stream(words.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
            if (list.isEmpty()) {
                throw new BadInputException("--words is empty; give words such as \"one two three\"");
            }
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new BadInputException("cannot write " + out + ": folder " + parent + " does not exist");
            }
            ToneAudio audio;
            try {
                audio = ToneAudio.builder().amplitude(amplitude).noise(noise, seed).silence(lead).words(list, gap)
                        .silence(tail).build();
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage());
            }
            audio.writeWav(out);
            PrintWriter w = spec.commandLine().getOut();
            w.printf(Locale.ROOT, "%s: %.3f s, 16 kHz mono 16-bit%n", out, audio.seconds());
            for (ToneAudio.WordSpan s : audio.spans()) {
                w.printf(Locale.ROOT, "%s %.3f %.3f%n", s.word(), s.start(), s.end());
            }
            w.flush();
            return ExitCodes.OK;
        }
    }
}
