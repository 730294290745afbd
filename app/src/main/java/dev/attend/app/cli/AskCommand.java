package dev.attend.app.cli;

import dev.attend.assistant.service.AssistantService;
import dev.attend.assistant.Assistant;
import dev.attend.event.JsonLinesEventWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code attend ask}: one typed command to the assistant; its reply on stdout. */
@Command(name = "ask", mixinStandardHelpOptions = true,
        description = "Give the assistant a typed command, e.g. attend ask \"set a timer for 5 minutes\". Prints the "
                + "reply (and speaks it unless --mute).")
public final class AskCommand implements Callable<Integer> {

    @Parameters(paramLabel = "TEXT", arity = "1..*", description = "The command (words are joined with spaces).")
    List<String> words;

    @Option(names = "--mute", description = "Do not speak the reply.")
    boolean mute;

    @Option(names = "--lang", paramLabel = "en|zh", description = "Reply language (default: the saved setting, "
            + "else en).")
    String lang;

    @Option(names = "--json", description = "Print the assistant's events as JSON Lines instead of the reply text.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String text = String.join(" ", words).strip();
        if (text.isEmpty()) {
            throw new BadInputException("ask: give a command, e.g. attend ask \"what time is it\"");
        }
        if (lang != null && !lang.equals("en") && !lang.equals("zh")) {
            throw new BadInputException("--lang must be en or zh, not '" + lang + "'");
        }
        AssistantService.Options o = AssistantService.Options.defaults().withMute(mute ? Boolean.TRUE : null)
                .withLanguage(lang).withTimers(false);
        try (JsonLinesEventWriter writer = json ? new JsonLinesEventWriter(spec.commandLine().getOut(), true, false)
                : null;
             AssistantService service = AssistantCli.open(spec, o, writer == null ? e -> { } : writer)) {
            Assistant a = service.assistant();
            Assistant.Outcome out = a.handle(dev.attend.assistant.Command.typed(0, text));
            if (!json) {
                spec.commandLine().getOut().println(out.rendered().display());
                spec.commandLine().getOut().flush();
            }
            a.awaitQuiet(60_000);
        }
        return ExitCodes.OK;
    }
}
