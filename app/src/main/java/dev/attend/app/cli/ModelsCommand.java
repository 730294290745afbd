package dev.attend.app.cli;

import dev.attend.asr.models.FoundModel;
import dev.attend.asr.models.ModelAlreadyInstalledException;
import dev.attend.asr.models.ModelNotFoundException;
import dev.attend.asr.models.VoskModelCatalog;
import dev.attend.asr.models.VoskModelManager;
import dev.attend.config.AppDirs;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code attend models …}: the Vosk speech models on this machine and the ones that can be installed. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List, install, import, remove and choose Vosk speech-recognition models (see docs/models.md).",
        subcommands = {ModelsListCommand.class, ModelsInstallCommand.class,
                ModelsCommand.RemoveModel.class, ModelsCommand.ImportModel.class, ModelsCommand.UseModel.class,
                ModelsCommand.RefreshList.class})
public final class ModelsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static AppDirs dirs(CommandLine.Model.CommandSpec spec) {
        return ((AttendCommand) spec.root().userObject()).dirs();
    }

    /** Model errors that are the user's to fix become exit code 2 with the message as is. */
    static RuntimeException userError(IOException e) {
        if (e instanceof ModelNotFoundException || e instanceof ModelAlreadyInstalledException) {
            return new BadInputException(e.getMessage());
        }
        return new java.io.UncheckedIOException(e.getMessage(), e);
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Delete a model that Attend installed or imported.")
    static final class RemoveModel implements Callable<Integer> {
        @Parameters(paramLabel = "NAME")
        String name;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try {
                VoskModelManager.standard(dirs(spec)).remove(name);
            } catch (IOException e) {
                throw userError(e);
            }
            spec.commandLine().getOut().println("removed " + name);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Check a model folder (e.g. one unzipped by hand) and copy it into Attend's models.")
    static final class ImportModel implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "The folder that holds am/, conf/ and graph/.")
        Path dir;

        @Option(names = "--name", paramLabel = "NAME", description = "Install under this name (default: the "
                + "folder's name).")
        String name;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (!Files.isDirectory(dir)) {
                throw new BadInputException("cannot import " + dir + ": no such folder");
            }
            Path installed;
            try {
                installed = VoskModelManager.standard(dirs(spec)).importDir(dir, name);
            } catch (IOException e) {
                throw userError(e);
            }
            spec.commandLine().getOut().println("imported " + installed.getFileName() + " into " + installed);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "use", mixinStandardHelpOptions = true,
            description = "Use this model when no --model is given (saved in the config folder).")
    static final class UseModel implements Callable<Integer> {
        @Parameters(paramLabel = "NAME|DIR")
        String model;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            FoundModel m;
            try {
                m = VoskModelManager.standard(dirs(spec)).use(model);
            } catch (IOException e) {
                throw userError(e);
            }
            spec.commandLine().getOut().println("using " + m.name() + " (" + m.dir() + ")");
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "refresh", mixinStandardHelpOptions = true,
            description = "Download the current model list (needs a network; the built-in list is used otherwise).")
    static final class RefreshList implements Callable<Integer> {
        @Option(names = "--from", paramLabel = "URL", description = "Read the list from here instead of the "
                + "official address (a mirror in the official format).")
        URI from;

        @Option(names = "--allow-http", description = "Accept a plain-HTTP --from address (default: HTTPS only).")
        boolean allowHttp;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            AppDirs dirs = dirs(spec);
            URI url = from != null ? from : VoskModelCatalog.OFFICIAL_LIST;
            VoskModelManager manager = new VoskModelManager(dirs, dev.attend.asr.models.ModelEnvironment.system(),
                    dev.attend.asr.models.ModelDownloader.defaultClient(), url,
                    dev.attend.asr.models.ExtractionLimits.DEFAULT).allowHttp(allowHttp);
            VoskModelCatalog c;
            try {
                c = manager.refreshCatalog();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e.getMessage(), e);
            }
            spec.commandLine().getOut().println("model list updated from " + url + ": " + c.models().size()
                    + " models (saved in " + VoskModelCatalog.cacheFile(dirs) + ")");
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
