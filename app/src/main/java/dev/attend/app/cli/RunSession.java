package dev.attend.app.cli;

import dev.attend.assistant.service.AssistantService;
import dev.attend.app.history.HistoryWiring;
import dev.attend.app.session.SessionFactory;
import dev.attend.app.session.SessionSpec;
import dev.attend.concurrent.AttendThreads;
import dev.attend.event.CoreEvents;
import dev.attend.event.EventSink;
import dev.attend.event.JsonLinesEventWriter;
import dev.attend.history.HistoryRecorder;
import dev.attend.pipeline.Pipeline;
import dev.attend.pipeline.SourceException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One {@code attend run} session: builds the pipeline, writes its events (standard output or a file), records it
 * in the history with --history, stops cleanly on Ctrl+C and turns a write failure into one clear line.
 */
final class RunSession {

    private final RunCommand c;
    private final RunSpecs specs;

    RunSession(RunCommand c, RunSpecs specs) {
        this.c = c;
        this.specs = specs;
    }

    /** Runs the session to its end; events go to {@code target} (swapped for the writer once it is open). */
    int run(SessionSpec sessionSpec, AtomicReference<EventSink> target, AssistantService service)
            throws Exception {
        AtomicReference<String> endReason = new AtomicReference<>("eof");
        Pipeline p;
        EventSink sink = event -> {
            target.get().emit(event);
            if (event instanceof CoreEvents.SessionEnd end) {
                endReason.set(end.reason());
            }
        };
        AttendCommand root = (AttendCommand) c.spec.root().userObject();
        HistoryRecorder recorder = c.history ? HistoryWiring.recorder(root.dirs(), sessionSpec, sink,
                msg -> c.spec.commandLine().getErr().println("attend: " + msg)) : null;
        try {
            p = SessionFactory.create(sessionSpec, recorder != null ? recorder : sink, List.of(), List.of(), service,
                    specs.fusionFeature(sessionSpec));
        } catch (IllegalArgumentException e) {
            closeQuietly(recorder);
            throw new BadInputException(e.getMessage());
        }
        boolean toStdout = "-".equals(c.eventsTarget);
        if (c.maxSeconds != null) {
            p.stopAt(c.maxSeconds);
        }
        try (recorder; p; JsonLinesEventWriter writer = toStdout
                ? new JsonLinesEventWriter(new CheckedOutput(c.spec.commandLine().getOut()), true, false)
                : new JsonLinesEventWriter(openTarget(), false, true)) {
            target.set(writer);
            try {
                p.start();
            } catch (SourceException e) {
                throw new BadInputException(e.getMessage());
            }
            // Ctrl+C on a live session: stop, let stages flush, write session.end
            Thread hook = AttendThreads.newThread("shutdown", () -> {
                p.close();
                closeQuietly(recorder);
                try {
                    writer.close();
                } catch (IOException ignored) {
                    // exiting anyway
                }
            });
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                waitForEnd(p);
            } finally {
                p.close();
                closeQuietly(recorder);
                removeHook(hook);
            }
            Throwable failure = p.eventsFailure();
            if (failure == null) {
                try {
                    writer.close(); // the last buffered lines: a full disk can still show here
                } catch (IOException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw new IOException(eventsFailureMessage(failure, toStdout), failure);
            }
        }
        return "error".equals(endReason.get()) ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    /** The recorder commits what is pending and closes its database; once (later calls do nothing). */
    private static void closeQuietly(HistoryRecorder recorder) {
        if (recorder != null) {
            recorder.close();
        }
    }

    /** One line: where the events were going and the operating system's reason. */
    private String eventsFailureMessage(Throwable failure, boolean toStdout) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (toStdout) {
            return "events not written: " + (CheckedOutput.CLOSED.equals(reason) ? reason
                    : "standard output: " + reason);
        }
        return "cannot write events to " + c.eventsTarget + ": " + reason + "; the session was stopped";
    }

    private static void waitForEnd(Pipeline p) throws InterruptedException {
        while (!p.awaitEnd(Duration.ofMillis(100))) {
            // the pipeline ends by itself: end of file, --max-seconds, a fatal error, or Ctrl+C via the hook
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // already shutting down
        }
    }

    private OutputStream openTarget() throws IOException {
        Path target = Path.of(c.eventsTarget);
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new BadInputException("cannot write events to " + target + ": folder does not exist");
        }
        // a FileOutputStream, not an NIO channel: interrupting a pipeline thread must never close the events file
        return new FileOutputStream(target.toFile());
    }

}
