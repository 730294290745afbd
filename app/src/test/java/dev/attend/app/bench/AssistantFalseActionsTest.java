package dev.attend.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.attend.assistant.service.AssistantService;
import dev.attend.fusion.live.FusionAudioIntents;
import dev.attend.assistant.intent.IntentPhrases;
import dev.attend.config.AppDirs;
import dev.attend.testing.ExternalTools;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short version of the false-action bench: non-command speech never makes the assistant act, neither through
 * a session with the wake word on (espeak-ng reading the Debian text corpus, no speech model) nor when each
 * sentence is a push-to-talk command judged by the fusion intent head alone.
 */
class AssistantFalseActionsTest {

    @TempDir
    Path dir;

    @Test
    void nonCommandSpeechTriggersNoAction() throws Exception {
        assumeTrue(ExternalTools.available("espeak-ng", "--version") && ExternalTools.available("sox", "--version"),
                "espeak-ng and sox are needed");
        AppDirs dirs = new AppDirs(dir.resolve("config"), dir.resolve("data"), dir.resolve("cache"));
        StringWriter log = new StringWriter();
        try (FusionAudioIntents audio = new FusionAudioIntents();
             AssistantService s = AssistantService.open(dirs, AssistantService.Options.defaults().withMute(true)
                     .withTimers(false).withAudioModel(audio), e -> { })) {
            AssistantFalseActions.Result session = AssistantFalseActions.run(dir.resolve("corpus"), 1.0, s,
                    "hey_jarvis", new PrintWriter(log));
            assertThat(session.seconds()).isEqualTo(60.0);
            assertThat(session.passages()).isPositive();
            assertThat(session.actions()).as(String.join("\n", session.details())).isZero();

            IntentPhrases none = IntentPhrases.parse("""
                    none: I had lunch with my sister yesterday
                    none: the printer is out of paper again
                    none: we should buy a new car
                    none: it rained all weekend
                    """, "test");
            try (AssistantSpokenBench b = new AssistantSpokenBench(dir, false, false)) {
                AssistantSpokenBench.Result ptt = b.run(s.assistant(), none, List.of("en-us", "en-gb-x-gbclan+f1"),
                        new PrintWriter(log));
                assertThat(ptt.nonCommands()).isEqualTo(8);
                assertThat(ptt.samples()).hasSize(8); // the audio head gave an opinion on every one
                assertThat(ptt.falseActions()).as(String.join("\n", ptt.misses())).isZero();
            }
        }
    }
}
