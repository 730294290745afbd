package dev.attend.app.cli;

import dev.attend.history.HistoryDb;
import dev.attend.history.HistoryExport;
import dev.attend.history.HistoryRecords.SessionInfo;
import dev.attend.history.HistoryStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code attend history export ID --format txt|srt|vtt|json [--out FILE]}. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a session's transcript (with translations) as TXT, SRT, WebVTT or JSON.")
final class HistoryExportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "Session id.")
    long id;

    @Option(names = "--format", paramLabel = "txt|srt|vtt|json", defaultValue = "txt",
            description = "Output format (default ${DEFAULT-VALUE}); json has word times and confidences.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to a file instead of standard output.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        HistoryExport.Format f;
        try {
            f = HistoryExport.Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        String text;
        try (HistoryDb db = HistoryCommand.open(spec)) {
            HistoryStore store = new HistoryStore(db);
            SessionInfo s = HistoryCommand.session(store, id);
            text = HistoryExport.format(f, s, store.utterances(id));
        }
        if (out == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new BadInputException("cannot write " + out + ": folder " + parent + " does not exist");
            }
            Files.writeString(out, text, StandardCharsets.UTF_8);
        }
        return ExitCodes.OK;
    }
}
