package dev.attend.app.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attend.history.HistoryDb;
import dev.attend.history.HistoryRecords.SessionInfo;
import dev.attend.history.HistoryRecords.Stats;
import dev.attend.history.HistoryRecords.StoredUtterance;
import dev.attend.history.HistoryStore;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code attend history …}: the saved sessions (docs/cli.md#attend-history). */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List, show, search, export, replay and delete saved sessions (recorded with "
                + "'attend run --history' and by the desktop app).",
        subcommands = {HistoryCommand.ListSessions.class, HistoryCommand.Show.class, HistorySearchCommand.class,
            HistoryExportCommand.class, HistoryCommand.Delete.class, HistoryCommand.Replay.class,
            HistoryCommand.StatsCmd.class})
public final class HistoryCommand implements Runnable {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    static final JsonMapper JSON = JsonMapper.builder().disable(SerializationFeature.INDENT_OUTPUT).build();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Opens the history of the command's data folder; a damaged file's notice goes to stderr. */
    static HistoryDb open(CommandLine.Model.CommandSpec spec) {
        AttendCommand root = (AttendCommand) spec.root().userObject();
        HistoryDb db = HistoryDb.open(HistoryDb.defaultFile(root.dirs()));
        db.notice().ifPresent(n -> spec.commandLine().getErr().println("attend: " + n));
        return db;
    }

    static SessionInfo session(HistoryStore store, long id) throws Exception {
        return store.session(id).orElseThrow(() -> new BadInputException("no session " + id
                + " in the history; 'attend history list' shows them"));
    }

    /** A session as JSON; times as ISO-8601 instants. */
    static ObjectNode json(SessionInfo s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", s.id());
        o.put("startedAt", s.startedAt().toString());
        o.put("endedAt", s.endedAt() == null ? null : s.endedAt().toString());
        o.put("duration", s.duration());
        o.put("utterances", s.utterances());
        o.put("firstWords", s.firstWords());
        o.put("speechModel", s.speechModel());
        o.put("translationPair", s.translationPair());
        o.put("pacing", s.pacing());
        o.put("endReason", s.endReason());
        try {
            o.set("sources", JSON.readTree(s.sources()));
        } catch (Exception e) {
            o.put("sources", s.sources());
        }
        return o;
    }

    static void printJson(PrintWriter out, Object value) throws Exception {
        out.println(JSON.writeValueAsString(value));
        out.flush();
    }

    static String clock(double seconds) {
        long ms = Math.round(seconds * 1000);
        return String.format(Locale.ROOT, "%d:%02d.%01d", ms / 60_000, ms / 1000 % 60, ms / 100 % 10);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Saved sessions, newest first.")
    static final class ListSessions implements Callable<Integer> {
        @Option(names = "--json", description = "One JSON array of sessions.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (HistoryDb db = open(spec)) {
                List<SessionInfo> sessions = new HistoryStore(db).sessions();
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    ArrayNode arr = JSON.createArrayNode();
                    sessions.forEach(x -> arr.add(json(x)));
                    printJson(out, arr);
                    return ExitCodes.OK;
                }
                if (sessions.isEmpty()) {
                    out.println("no saved sessions (record one with 'attend run --history …')");
                }
                for (SessionInfo s : sessions) {
                    out.printf(Locale.ROOT, "%5d  %s  %8s  %3d utt.  %s%s%n", s.id(), WHEN.format(s.startedAt()),
                            duration(s.duration()), s.utterances(), s.firstWords(),
                            s.endedAt() == null ? "  (not ended)" : "");
                }
                out.flush();
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "A session's utterances with their times, translations and speakers.")
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "Session id (see 'attend history list').")
        long id;

        @Option(names = "--words", description = "Also print each word's time span and confidence.")
        boolean words;

        @Option(names = "--json", description = "The session and its utterances as one JSON object.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (HistoryDb db = open(spec)) {
                HistoryStore store = new HistoryStore(db);
                SessionInfo s = session(store, id);
                List<StoredUtterance> utterances = store.utterances(id);
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    ObjectNode o = JSON.createObjectNode();
                    o.set("session", json(s));
                    o.set("utterances", JSON.valueToTree(utterances));
                    printJson(out, o);
                    return ExitCodes.OK;
                }
                out.printf(Locale.ROOT, "session %d  %s  %s%s%s%n", s.id(), WHEN.format(s.startedAt()),
                        duration(s.duration()), s.speechModel() == null ? "" : "  model " + s.speechModel(),
                        s.translationPair() == null ? "" : "  translation " + s.translationPair());
                for (StoredUtterance u : utterances) {
                    out.printf(Locale.ROOT, "[%s–%s] %s%s%n", clock(u.start()), clock(u.end()),
                            u.speaker() == null ? "" : u.speaker() + ": ", u.text());
                    if (u.translation() != null) {
                        out.println("    → " + u.translation());
                    }
                    if (words) {
                        StringBuilder sb = new StringBuilder("    ");
                        u.words().forEach(w -> sb.append(String.format(Locale.ROOT, "%s@%.2f-%.2f(%.2f) ",
                                w.word(), w.start(), w.end(), w.conf())));
                        out.println(sb.toString().stripTrailing());
                    }
                }
                out.flush();
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a session (its text leaves the search index too), or every session with --all.")
    static final class Delete implements Callable<Integer> {
        @Parameters(paramLabel = "ID", arity = "0..1", description = "Session id.")
        Long id;

        @Option(names = "--all", description = "Delete every saved session (notes and timers stay).")
        boolean all;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if ((id == null) == !all) {
                throw new BadInputException("give a session ID or --all");
            }
            try (HistoryDb db = open(spec)) {
                HistoryStore store = new HistoryStore(db);
                PrintWriter out = spec.commandLine().getOut();
                if (all) {
                    out.println("deleted " + store.deleteAll() + " sessions");
                } else {
                    session(store, id);
                    store.delete(id);
                    out.println("deleted session " + id);
                }
                out.flush();
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Write a session's recorded events exactly as they were written (JSON Lines).")
    static final class Replay implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "Session id.")
        long id;

        @Option(names = "--realtime", description = "Pace the events by their media time, as if live.")
        boolean realtime;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            List<String> lines = new java.util.ArrayList<>();
            try (HistoryDb db = open(spec)) {
                HistoryStore store = new HistoryStore(db);
                session(store, id);
                store.events(id, lines::add);
            }
            PrintWriter out = spec.commandLine().getOut();
            long t0 = System.nanoTime();
            for (String line : lines) {
                if (realtime) {
                    double t = JSON.readTree(line).path("t").asDouble(0);
                    long wait = t0 + (long) (t * 1e9) - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000);
                    }
                }
                out.println(line);
                if (realtime) {
                    out.flush();
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true, description = "Totals and the database's size.")
    static final class StatsCmd implements Callable<Integer> {
        @Option(names = "--json", description = "As one JSON object.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (HistoryDb db = open(spec)) {
                Stats s = new HistoryStore(db).stats();
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    ObjectNode o = JSON.valueToTree(s);
                    o.put("file", db.file().toString());
                    printJson(out, o);
                    return ExitCodes.OK;
                }
                out.println("database:     " + db.file());
                out.printf(Locale.ROOT, "sessions:     %d (%s of media)%n", s.sessions(), duration(s.mediaSeconds()));
                out.printf(Locale.ROOT, "utterances:   %d (%d words, %d with sentence vectors)%n", s.utterances(),
                        s.words(), s.vectors());
                out.printf(Locale.ROOT, "events:       %d (%.1f MB compressed)%n", s.events(), s.eventBytes() / 1e6);
                out.printf(Locale.ROOT, "notes/timers: %d / %d%n", s.notes(), s.timers());
                out.printf(Locale.ROOT, "file size:    %.1f MB%n", s.fileBytes() / 1e6);
                out.flush();
                return ExitCodes.OK;
            }
        }
    }
}
