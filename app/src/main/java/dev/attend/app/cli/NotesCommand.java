package dev.attend.app.cli;

import dev.attend.assistant.store.Note;
import dev.attend.assistant.store.SqliteAssistantStore;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code attend notes}: the notes taken with the assistant. */
@Command(name = "notes", mixinStandardHelpOptions = true,
        description = "List the notes taken with the assistant: today's (default) or all.")
public final class NotesCommand implements Callable<Integer> {

    @Option(names = "--all", description = "All notes, not only today's.")
    boolean all;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ZoneId zone = ZoneId.systemDefault();
        try (SqliteAssistantStore store = AssistantCli.store(spec)) {
            LocalDate today = LocalDate.now(zone);
            List<Note> notes = all ? store.between(Instant.EPOCH, Instant.now().plusSeconds(86_400))
                    : store.between(today.atStartOfDay(zone).toInstant(), today.plusDays(1).atStartOfDay(zone).toInstant());
            if (notes.isEmpty()) {
                out.println(all ? "no notes" : "no notes today ('attend notes --all' lists every note)");
            }
            DateTimeFormatter f = DateTimeFormatter.ofPattern(all ? "yyyy-MM-dd HH:mm" : "HH:mm");
            for (Note n : notes) {
                out.println(LocalDateTime.ofInstant(n.created(), zone).format(f) + "  " + n.text());
            }
            out.flush();
        }
        return ExitCodes.OK;
    }
}
