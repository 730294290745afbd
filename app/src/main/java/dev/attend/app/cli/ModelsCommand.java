package dev.attend.app.cli;

import dev.attend.asr.models.Cancellation;
import dev.attend.asr.models.DownloadCancelledException;
import dev.attend.asr.models.DownloadProgress;
import dev.attend.asr.models.FoundModel;
import dev.attend.asr.models.InstallListener;
import dev.attend.asr.models.ModelAlreadyInstalledException;
import dev.attend.asr.models.ModelNotFoundException;
import dev.attend.asr.models.UnsafeArchiveException;
import dev.attend.asr.models.VoskModelCatalog;
import dev.attend.asr.models.VoskModelInfo;
import dev.attend.asr.models.VoskModelLocator;
import dev.attend.asr.models.VoskModelManager;
import dev.attend.concurrent.AttendThreads;
import dev.attend.config.AppDirs;
import dev.attend.models.ModelIntegrityException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code attend models …}: the Vosk speech models on this machine and the ones that can be installed. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List, install, import, remove and choose Vosk speech-recognition models (see docs/models.md).",
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.InstallModel.class,
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

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Models on this machine and models for your language that can be installed.")
    static final class ListModels implements Callable<Integer> {
        @Option(names = "--all", description = "Every model in the list, all languages, obsolete ones too.")
        boolean all;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            AppDirs dirs = dirs(spec);
            VoskModelLocator locator = VoskModelManager.standard(dirs).locator();
            VoskModelCatalog catalog = locator.catalog();
            java.util.List<FoundModel> found = new ArrayList<>(locator.discover());
            Optional<FoundModel> def = locator.defaultModel();
            if (def.isPresent() && found.stream().noneMatch(m -> m.dir().equals(def.get().dir()))) {
                found.add(0, def.get()); // a folder chosen with 'attend models use DIR'
            }
            String lang = VoskModelLocator.systemLang(Locale.getDefault());

            java.util.List<String[]> rows = new ArrayList<>();
            Set<String> shown = new LinkedHashSet<>();
            for (FoundModel m : found) {
                Optional<VoskModelInfo> info = catalog.find(m.name());
                String status = m.source() == dev.attend.asr.models.ModelSource.ATTEND ? "installed"
                        : "found (" + m.source().label() + "): " + m.dir();
                boolean isDefault = def.isPresent() && def.get().dir().equals(m.dir());
                rows.add(new String[] {isDefault ? "*" : " ", m.name(),
                        langLabel(m.lang(), info.map(VoskModelInfo::langText).orElse("")),
                        info.map(VoskModelInfo::sizeText).filter(s -> !s.isBlank()).orElseGet(() -> du(m.dir())),
                        status + (isDefault ? ", default" : "")});
                shown.add(m.name());
            }
            int hidden = 0;
            for (VoskModelInfo info : catalog.models()) {
                if (shown.contains(info.name())) {
                    continue;
                }
                boolean relevant = !info.obsolete() && info.lang().equalsIgnoreCase(lang);
                if (!all && !relevant) {
                    hidden++;
                    continue;
                }
                rows.add(new String[] {" ", info.name(), langLabel(info.lang(), info.langText()), info.sizeText(),
                        info.obsolete() ? "available (obsolete)" : "available"});
            }
            print(out, rows);
            out.println();
            out.println("* = used when no --model is given. Models from the " + catalog.source()
                    + "; 'attend models refresh' updates it.");
            if (hidden > 0) {
                out.println(hidden + " more in other languages or obsolete: 'attend models list --all'.");
            }
            if (found.isEmpty()) {
                locator.recommended().ifPresent(r -> out.println("No model installed yet; for your language: "
                        + "'attend models install " + r.name() + "'."));
            }
            out.flush();
            return ExitCodes.OK;
        }

        private static String langLabel(String code, String text) {
            if (code.isBlank()) {
                return "?";
            }
            return text.isBlank() ? code : code + " (" + text + ")";
        }

        private static void print(PrintWriter out, java.util.List<String[]> rows) {
            String[] head = {" ", "NAME", "LANGUAGE", "SIZE", "STATUS"};
            int[] w = new int[head.length];
            for (String[] r : concat(head, rows)) {
                for (int i = 0; i < r.length; i++) {
                    w[i] = Math.max(w[i], r[i].length());
                }
            }
            for (String[] r : concat(head, rows)) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < r.length; i++) {
                    sb.append(i == r.length - 1 ? r[i] : String.format("%-" + w[i] + "s  ", r[i]));
                }
                out.println(sb.toString().stripTrailing());
            }
        }

        private static java.util.List<String[]> concat(String[] head, java.util.List<String[]> rows) {
            java.util.List<String[]> all = new ArrayList<>();
            all.add(head);
            all.addAll(rows);
            return all;
        }

        private static String du(Path dir) {
            try (Stream<Path> s = Files.walk(dir)) {
                long bytes = s.filter(Files::isRegularFile).mapToLong(p -> {
                    try {
                        return Files.size(p);
                    } catch (IOException e) {
                        return 0;
                    }
                }).sum();
                return InstallProgressBar.human(bytes);
            } catch (IOException | java.io.UncheckedIOException e) {
                return "?";
            }
        }
    }

    @Command(name = "install", mixinStandardHelpOptions = true,
            description = "Download a model from the list, check its MD5 and install it. Ctrl+C cancels; running "
                    + "the same command again resumes the download.")
    static final class InstallModel implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "Model name as 'attend models list --all' shows it.")
        String name;

        @Option(names = "--allow-http", description = "Accept a plain-HTTP download address (default: HTTPS only).")
        boolean allowHttp;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            AppDirs dirs = dirs(spec);
            VoskModelManager manager = VoskModelManager.standard(dirs).allowHttp(allowHttp);
            PrintWriter err = spec.commandLine().getErr();
            Cancellation cancel = new Cancellation();
            CountDownLatch finished = new CountDownLatch(1);
            Thread hook = AttendThreads.newThread("models-install-cancel", () -> {
                cancel.cancel();
                try {
                    finished.await(5, TimeUnit.SECONDS); // let the part file be closed and the message printed
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Runtime.getRuntime().addShutdownHook(hook);
            InstallProgressBar bar = new InstallProgressBar(err, System.console() != null);
            try {
                Path dir = manager.install(name, bar, cancel);
                bar.finish();
                spec.commandLine().getOut().println("installed " + name + " in " + dir);
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            } catch (DownloadCancelledException e) {
                bar.finish();
                err.println("attend: install of " + name + " cancelled; the partial download is kept in "
                        + manager.partFile(name) + " and 'attend models install " + name + "' resumes it");
                err.flush();
                return ExitCodes.FAILURE;
            } catch (ModelIntegrityException | UnsafeArchiveException e) {
                bar.finish();
                throw new java.io.UncheckedIOException(e.getMessage(), e);
            } catch (IOException e) {
                bar.finish();
                throw userError(e);
            } finally {
                finished.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl+C: the hook is running and waits for the latch above
                }
            }
        }
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
                // loaded once (in a child process) so a damaged model is refused here, not at its first use
                dev.attend.asr.vosk.VoskLoadProbe.validate(dir, dev.attend.asr.vosk.VoskLoadProbe.DEFAULT_TIMEOUT);
            } catch (dev.attend.asr.vosk.VoskModelException e) {
                throw new BadInputException("cannot import: " + e.getMessage());
            }
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

    /** A one-line progress bar on stderr; on a non-terminal, one line per 10 %. */
    static final class InstallProgressBar implements InstallListener {
        private final PrintWriter err;
        private final boolean terminal;
        private long lastNanos;
        private int lastDecile = -1;
        private boolean open;

        InstallProgressBar(PrintWriter err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        @Override
        public void onStep(String step) {
            finish();
            err.println(step + " …");
            err.flush();
        }

        @Override
        public void onWarning(String message) {
            finish();
            err.println("warning: " + message);
            err.flush();
        }

        @Override
        public void onProgress(DownloadProgress p) {
            long now = System.nanoTime();
            if (terminal) {
                if (now - lastNanos < 100_000_000L && !p.complete()) {
                    return;
                }
                lastNanos = now;
                err.print("\r" + line(p));
                open = true;
            } else {
                int decile = p.fraction() < 0 ? -1 : (int) (p.fraction() * 10);
                if (decile == lastDecile) {
                    return;
                }
                lastDecile = decile;
                err.println(line(p));
            }
            err.flush();
        }

        void finish() {
            if (open) {
                err.println();
                err.flush();
                open = false;
            }
        }

        static String line(DownloadProgress p) {
            String speed = human((long) p.bytesPerSecond()) + "/s";
            if (p.fraction() < 0) {
                return human(p.bytesDone()) + "  " + speed;
            }
            int filled = (int) Math.round(p.fraction() * 30);
            return "[" + "#".repeat(filled) + ".".repeat(30 - filled) + "] "
                    + String.format(Locale.ROOT, "%3d%%", Math.round(p.fraction() * 100)) + "  "
                    + human(p.bytesDone()) + " / " + human(p.bytesTotal()) + "  " + speed + "   ";
        }

        static String human(long bytes) {
            if (bytes < 1024) {
                return bytes + " B";
            }
            String[] units = {"KiB", "MiB", "GiB", "TiB"};
            double v = bytes;
            int u = -1;
            while (v >= 1024 && u < units.length - 1) {
                v /= 1024;
                u++;
            }
            return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
        }
    }
}
