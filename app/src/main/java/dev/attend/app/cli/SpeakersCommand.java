package dev.attend.app.cli;

import dev.attend.asr.SpeakerEnrollment;
import dev.attend.asr.models.ModelNotFoundException;
import dev.attend.asr.models.VoskModelLocator;
import dev.attend.testkit.SpeechAlignerModel;
import dev.attend.config.AppDirs;
import dev.attend.pipeline.SourceException;
import dev.attend.speaker.SpeakerModelBundle;
import dev.attend.speaker.SpeakerModelException;
import dev.attend.speaker.SpeakerProfile;
import dev.attend.speaker.SpeakerProfileStore;
import dev.attend.speaker.SpeakerSetup;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code attend speakers …}: enrolled voices (profiles in the data folder; they never leave this machine). */
@Command(name = "speakers", mixinStandardHelpOptions = true,
        description = "Enrol, list and remove speaker profiles used to name voices in transcripts (docs/asr.md).",
        subcommands = {SpeakersCommand.Enroll.class, SpeakersCommand.ListProfiles.class,
                SpeakersCommand.Remove.class})
public final class SpeakersCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static AppDirs dirs(CommandLine.Model.CommandSpec spec) {
        return ((AttendCommand) spec.root().userObject()).dirs();
    }

    static SpeakerProfileStore store(CommandLine.Model.CommandSpec spec) {
        return SpeakerProfileStore.inDataDir(dirs(spec).data());
    }

    /** {@code attend speakers enroll NAME --audio FILE [--audio FILE…] [--model DIR|NAME]}. */
    @Command(name = "enroll", mixinStandardHelpOptions = true,
            description = "Make (or replace) the profile NAME from recordings of that voice: the mean of the "
                    + "speaker vectors of their utterances (3 or more recommended).")
    static final class Enroll implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", description = "The name to show for this voice.")
        String name;

        @Option(names = "--audio", paramLabel = "FILE", required = true,
                description = "A WAV/AIFF/AU recording of the voice (repeat for several).")
        List<Path> audio;

        @Option(names = "--model", paramLabel = "DIR|NAME",
                description = "Vosk model that finds the speech frames (default: a generated energy aligner).")
        String model;

        @Option(names = "--speaker-vectors", paramLabel = "SOURCE", defaultValue = "compact",
                description = "compact (Attend's, the default) or vosk (libvosk's x-vector); a session recognises "
                        + "the profile only with the same source.")
        String vectors;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            AppDirs d = dirs(spec);
            Path asr;
            try {
                asr = model == null ? SpeechAlignerModel.cached(d.cache()) : VoskModelLocator.resolve(model, d);
            } catch (ModelNotFoundException e) {
                throw new BadInputException(e.getMessage());
            }
            SpeakerProfile p;
            try {
                p = new SpeakerEnrollment(asr, SpeakerSetup.bundled(List.of()).withVectors(RunSpecs.vectors(vectors))
                        .withCacheDir(d.cache())
                        .orInstalled(VoskModelLocator.installRoot(d).resolve(SpeakerModelBundle.NAME)))
                        .enroll(name, audio);
            } catch (SourceException | IllegalArgumentException e) {
                throw new BadInputException(e.getMessage());
            } catch (SpeakerModelException e) {
                throw new IOException(e.getMessage(), e);
            }
            SpeakerProfileStore store = store(spec);
            store.save(p);
            spec.commandLine().getOut().printf("enrolled %s from %d utterance%s%n", p.name(), p.utterances(),
                    p.utterances() == 1 ? "" : "s");
            if (p.utterances() < SpeakerEnrollment.RECOMMENDED_UTTERANCES) {
                spec.commandLine().getErr().println("attend: warning: only " + p.utterances() + " utterance(s); "
                        + SpeakerEnrollment.RECOMMENDED_UTTERANCES + " or more make a more reliable profile");
            }
            return ExitCodes.OK;
        }
    }

    /** {@code attend speakers list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the enrolled speakers.")
    static final class ListProfiles implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            List<SpeakerProfile> all = store(spec).list();
            var out = spec.commandLine().getOut();
            if (all.isEmpty()) {
                spec.commandLine().getErr().println("no speakers enrolled; use 'attend speakers enroll NAME --audio FILE'");
            }
            for (SpeakerProfile p : all) {
                out.printf(Locale.ROOT, "%s\t%d utterances\tenrolled %s\t%s vectors%n", p.name(), p.utterances(),
                        p.enrolled(), p.vectors().id());
            }
            return ExitCodes.OK;
        }
    }

    /** {@code attend speakers remove NAME}. */
    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Delete an enrolled speaker's profile.")
    static final class Remove implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (!store(spec).remove(name)) {
                throw new BadInputException("no speaker named '" + name + "' is enrolled ('attend speakers list')");
            }
            spec.commandLine().getOut().println("removed " + name.strip());
            return ExitCodes.OK;
        }
    }
}
