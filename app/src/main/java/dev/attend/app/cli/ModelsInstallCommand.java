package dev.attend.app.cli;

import dev.attend.asr.models.Cancellation;
import dev.attend.asr.models.DownloadCancelledException;
import dev.attend.asr.models.UnsafeArchiveException;
import dev.attend.asr.models.VoskModelManager;
import dev.attend.concurrent.AttendThreads;
import dev.attend.config.AppDirs;
import dev.attend.models.ModelIntegrityException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code attend models install}: download with progress, verify, install; Ctrl+C cancels and keeps the part. */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = "Download a model from the list, check its size and SHA-256 (or MD5) and install it. Ctrl+C "
                + "cancels; running the same command again resumes the download.")
final class ModelsInstallCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "Model name as 'attend models list --all' shows it.")
    String name;

    @Option(names = "--allow-http", description = "Accept a plain-HTTP download address (default: HTTPS only).")
    boolean allowHttp;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        AppDirs dirs = ModelsCommand.dirs(spec);
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
            throw ModelsCommand.userError(e);
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
