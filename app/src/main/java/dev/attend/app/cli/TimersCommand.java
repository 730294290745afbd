package dev.attend.app.cli;

import dev.attend.assistant.store.AssistantTimer;
import dev.attend.assistant.store.SqliteAssistantStore;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code attend timers}: the assistant's running timers; cancel one. */
@Command(name = "timers", mixinStandardHelpOptions = true,
        description = "List the assistant's running timers (they survive restarts and go off in 'attend run "
                + "--assistant' or the app), or cancel one.")
public final class TimersCommand implements Callable<Integer> {

    @Option(names = "--cancel", paramLabel = "ID|NAME", description = "Cancel the timer with this id or name.")
    String cancel;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (SqliteAssistantStore store = AssistantCli.store(spec)) {
            List<AssistantTimer> running = store.running();
            if (cancel != null) {
                AssistantTimer t = running.stream().filter(r -> Long.toString(r.id()).equals(cancel)
                        || r.name().equalsIgnoreCase(cancel)).findFirst()
                        .orElseThrow(() -> new BadInputException("no running timer '" + cancel + "' (see 'attend timers')"));
                store.finish(t.id(), AssistantTimer.CANCELLED);
                out.println("cancelled timer " + t.id() + " (" + t.name() + ")");
                out.flush();
                return ExitCodes.OK;
            }
            if (running.isEmpty()) {
                out.println("no timers running");
            } else {
                Instant now = Instant.now();
                DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
                out.printf("%-4s %-20s %-10s %-10s %s%n", "ID", "NAME", "LENGTH", "LEFT", "DUE");
                for (AssistantTimer t : running) {
                    out.printf("%-4d %-20s %-10s %-10s %s%n", t.id(), t.name(), clock(t.length()),
                            clock(t.remaining(now)), LocalDateTime.ofInstant(t.due(), ZoneId.systemDefault()).format(f));
                }
            }
            out.flush();
        }
        return ExitCodes.OK;
    }

    static String clock(Duration d) {
        long s = d.toSeconds();
        return String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
