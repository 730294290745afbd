package dev.attend.app.assistant;

import dev.attend.assistant.service.AssistantService;
import static org.assertj.core.api.Assertions.assertThat;
import static dev.attend.app.assistant.SessionEvents.ofType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attend.app.session.FeatureOptions;
import dev.attend.encoders.audio.AudioEncoderFeature;
import dev.attend.encoders.audio.wake.WakeOptions;
import dev.attend.asr.TestModels;
import dev.attend.assistant.Command;
import dev.attend.assistant.speech.RenderingSynthesizer;
import dev.attend.assistant.speech.SpeechSettings;
import dev.attend.assistant.store.AssistantTimer;
import dev.attend.config.AppDirs;
import dev.attend.testing.ExternalTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assistant end to end through the real pipeline: espeak-ng "hey jarvis" (the bundled wake head) followed by a
 * command in the tone language, recognized by the generated Vosk model; the test phrase file maps tone-language
 * words to intents, MiniLM matches them, replies are rendered by espeak-ng (no audio device here: not played, but
 * their length gates the input).
 */
class AssistantSessionTest {

    /** The tone language's ten words are all there is to say: map some of them to intents. */
    static final String TONE_PHRASES = """
            time: one two three
            repeat: four five six
            none: seven eight nine
            none: nine nine nine
            note: take a note that
            note: read my last note
            timer: set a timer for five minutes
            """;

    @TempDir
    static Path dir;
    static AppDirs dirs;
    static AssistantService service;

    @BeforeAll
    static void open() throws Exception {
        assumeTrue(ExternalTools.available("espeak-ng", "--version") && ExternalTools.available("sox", "--version"),
                "espeak-ng and sox are needed");
        dirs = new AppDirs(dir.resolve("config"), dir.resolve("data"), dir.resolve("cache"));
        Files.createDirectories(dirs.config());
        Files.writeString(dirs.config().resolve(AssistantService.PHRASE_FILE), TONE_PHRASES, StandardCharsets.UTF_8);
        service = AssistantService.open(dirs, AssistantService.Options.defaults().withMute(false)
                .withSynthesizer(RenderingSynthesizer.espeak()), e -> { });
    }

    @AfterAll
    static void close() {
        if (service != null) {
            service.close();
        }
    }

    private static List<JsonNode> run(Path wav, AssistantService assistant) throws Exception {
        FeatureOptions f = new FeatureOptions(TestModels.staticGraph().toString(), null,
                new AudioEncoderFeature(true, List.of("hey_jarvis"), WakeOptions.withThreshold(0.5)), null, null);
        return SessionEvents.run(wav, f, assistant);
    }

    private static String dump(List<JsonNode> events) {
        return events.stream().filter(e -> !e.path("type").asText().matches("level|stats|attention"))
                .map(JsonNode::toString).collect(java.util.stream.Collectors.joining("\n"));
    }

    private static List<JsonNode> states(List<JsonNode> events, String state) {
        return ofType(events, "assistant.state").stream().filter(e -> state.equals(e.path("state").asText())).toList();
    }

    @Test
    void wakeWordThenWhatTimeIsItRepliesWithTheTime() throws Exception {
        Path wav = new AssistantAudio(dir).silence(0.5).speech("en-us", "hey jarvis").silence(0.4)
                .tones("one two three").silence(1.5).write("time.wav");
        LocalTime before = LocalTime.now().withSecond(0).withNano(0);
        List<JsonNode> events = run(wav, service);
        LocalTime after = LocalTime.now().withSecond(0).withNano(0);

        assertThat(ofType(events, "wake")).hasSize(1);
        assertThat(states(events, "listening")).singleElement()
                .satisfies(s -> assertThat(s.path("mode").asText()).isEqualTo("wake_word"));
        assertThat(ofType(events, "assistant.intent")).as(dump(events)).hasSize(1);
        JsonNode intent = ofType(events, "assistant.intent").get(0);
        assertThat(intent.path("text").asText()).isEqualTo("one two three");
        assertThat(intent.path("intent").asText()).isEqualTo("time");
        assertThat(intent.path("textOpinion").path("intent").asText()).isEqualTo("time");
        assertThat(intent.path("audioOpinion").isNull()).isTrue();
        JsonNode reply = ofType(events, "assistant.reply").get(0);
        DateTimeFormatter hm = DateTimeFormatter.ofPattern("H:mm");
        assertThat(reply.path("text").asText()).isIn("It's " + before.format(hm) + ".", "It's " + after.format(hm) + ".");
        assertThat(reply.path("acted").asBoolean()).isTrue();
        // the session end waits for the reply; speaking (not played: no device) comes back to idle
        assertThat(events.get(events.size() - 1).path("type").asText()).isEqualTo("session.end");
        assertThat(states(events, "idle")).isNotEmpty();
    }

    @Test
    void anUnrelatedSentenceAfterTheWakeWordIsNotCaughtAndDoesNothing() throws Exception {
        int timers = service.store().running().size();
        Path wav = new AssistantAudio(dir).silence(0.5).speech("en-us", "hey jarvis").silence(0.4)
                .tones("seven eight nine").silence(1.5).write("unrelated.wav");
        List<JsonNode> events = run(wav, service);
        JsonNode reply = ofType(events, "assistant.reply").get(0);
        assertThat(reply.path("text").asText()).isEqualTo("Sorry, I didn't catch that.");
        assertThat(reply.path("acted").asBoolean()).isFalse();
        assertThat(ofType(events, "assistant.intent").get(0).path("understood").asBoolean()).isFalse();
        assertThat(ofType(events, "assistant.timer")).isEmpty();
        assertThat(service.store().running()).hasSize(timers);
    }

    @Test
    void withoutTheWakeWordNothingHappens() throws Exception {
        Path wav = new AssistantAudio(dir).silence(0.5).tones("one two three").silence(1.5).write("nowake.wav");
        List<JsonNode> events = run(wav, service);
        assertThat(ofType(events, "asr.final")).extracting(e -> e.path("text").asText()).contains("one two three");
        assertThat(states(events, "listening")).isEmpty();
        assertThat(ofType(events, "assistant.intent")).isEmpty();
        assertThat(ofType(events, "assistant.reply")).isEmpty();
    }

    @Test
    void itsOwnReplyFedBackDoesNotWakeIt() throws Exception {
        // the reply to "repeat" will be "Your last note: hey jarvis": it holds the wake word
        service.assistant().handle(Command.typed(0, "take a note that hey jarvis"));
        assertThat(service.assistant().handle(Command.typed(0, "read my last note")).rendered().display())
                .isEqualTo("Your last note: hey jarvis");
        byte[] echo = RenderingSynthesizer.espeak().render("Your last note: hey jarvis", "en",
                SpeechSettings.defaults());
        // a wake score moves with where the word falls on the 80 ms token grid: place the echo where the head, on
        // its own, hears its wake word (the first offset that works)
        Path wav = null;
        for (double gap : new double[] {0.8, 0.84, 0.88, 0.92, 0.96}) {
            Path candidate = new AssistantAudio(dir).silence(0.5).speech("en-us", "hey jarvis").silence(0.4)
                    .tones("four five six").silence(gap).wavBytes(echo).silence(1.5).write("echo.wav");
            if (ofType(run(candidate, null), "wake").size() > 1) {
                wav = candidate;
                break;
            }
        }
        assertThat(wav).as("the echo holds a wake word the head hears at one of the offsets").isNotNull();

        List<JsonNode> events = run(wav, service);
        assertThat(ofType(events, "assistant.reply")).as(dump(events)).singleElement()
                .satisfies(r -> assertThat(r.path("text").asText()).isEqualTo("Your last note: hey jarvis"));
        assertThat(states(events, "listening")).hasSize(1);
        // the echo's wake event is still written (the wake stage heard it) but the assistant ignored it
        assertThat(ofType(events, "wake")).hasSizeGreaterThan(1);
        assertThat(ofType(events, "assistant.intent")).hasSize(1);
    }

    @Test
    void aTypedTimerIsStillThereAfterARestart() throws Exception {
        service.assistant().handle(Command.typed(0, "set a timer for five minutes"));
        AppDirs sameFolders = dirs;
        try (AssistantService restarted = AssistantService.open(sameFolders, AssistantService.Options.defaults()
                .withMute(true), e -> { })) {
            assertThat(restarted.store().running()).anySatisfy(t -> {
                assertThat(t.length()).isEqualTo(Duration.ofMinutes(5));
                assertThat(t.state()).isEqualTo(AssistantTimer.RUNNING);
            });
        }
    }
}
