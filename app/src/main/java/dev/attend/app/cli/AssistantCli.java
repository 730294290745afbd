package dev.attend.app.cli;

import dev.attend.assistant.service.AssistantService;
import dev.attend.fusion.live.FusionAudioIntents;
import dev.attend.assistant.service.HistoryAssistantSearch;
import dev.attend.assistant.store.SqliteAssistantStore;
import dev.attend.config.AppDirs;
import dev.attend.event.EventSink;
import java.io.IOException;
import picocli.CommandLine;

/** Opening the assistant and its store for the CLI commands, with their errors as one line. */
final class AssistantCli {

    private AssistantCli() {
    }

    static AppDirs dirs(CommandLine.Model.CommandSpec spec) {
        return ((AttendCommand) spec.root().userObject()).dirs();
    }

    static AssistantService open(CommandLine.Model.CommandSpec spec, Boolean mute, EventSink home) throws IOException {
        // sound-only intents from the fusion model, "what did I say about …" from the session history
        return open(spec, AssistantService.Options.defaults().withMute(mute).withAudioModel(new FusionAudioIntents())
                .withHistory(new HistoryAssistantSearch(dirs(spec))), home);
    }

    static AssistantService open(CommandLine.Model.CommandSpec spec, AssistantService.Options o, EventSink home)
            throws IOException {
        try {
            return AssistantService.open(dirs(spec), o, home);
        } catch (IllegalArgumentException e) { // a phrase file that does not parse, a bad setting
            throw new BadInputException(e.getMessage());
        }
    }

    /** Only the timers and notes database: no model is loaded. */
    static SqliteAssistantStore store(CommandLine.Model.CommandSpec spec) {
        return SqliteAssistantStore.open(dirs(spec).data());
    }
}
