package dev.attend.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.assistant.intent.AudioIntentModel;
import dev.attend.assistant.intent.Intents;
import dev.attend.assistant.service.AssistantService;
import dev.attend.config.AppDirs;
import dev.attend.token.Token;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands without a transcript, carried out from the audio head's intent and slot opinions: the real assistant
 * (MiniLM, SQLite, skills, templates), with a fake audio head whose opinions each test sets.
 */
class AudioOnlyCommandsTest {

    /** The audio head under test's control: one intent distribution and slot distributions for every call. */
    static final class FakeHead implements AudioIntentModel {
        volatile Map<String, Double> intents = Map.of();
        volatile Map<String, Map<String, Double>> slots = Map.of();

        @Override
        public Map<String, Double> intentProbabilities(List<Token> command) {
            return intents;
        }

        @Override
        public Map<String, Map<String, Double>> slotProbabilities(List<Token> command) {
            return slots;
        }

        void says(String intent, double p) {
            Map<String, Double> m = new LinkedHashMap<>();
            for (String i : Intents.ALL) {
                m.put(i, i.equals(intent) ? p : (1 - p) / (Intents.ALL.size() - 1));
            }
            intents = m;
        }
    }

    @TempDir
    static Path dir;
    static AssistantService service;
    static final FakeHead HEAD = new FakeHead();

    @BeforeAll
    static void open() throws Exception {
        AppDirs dirs = new AppDirs(dir.resolve("config"), dir.resolve("data"), dir.resolve("cache"));
        service = AssistantService.open(dirs, AssistantService.Options.defaults().withMute(true).withTimers(false)
                .withAudioModel(HEAD), e -> { });
    }

    @AfterAll
    static void close() {
        if (service != null) {
            service.close();
        }
    }

    @BeforeEach
    void noTimers() {
        service.store().running().forEach(t -> service.assistant().cancelTimer(t.id()));
        HEAD.slots = Map.of();
    }

    /** A spoken command with no transcript: 2 s of (any) audio tokens, speech ending at 1.8 s. */
    private static Assistant.Outcome spoken() {
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            tokens.add(Token.audio(i, 0.072 + 0.08 * i, new float[96]));
        }
        return service.assistant().handle(new Command(1.8, ListeningMode.PUSH_TO_TALK, null, tokens,
                System.nanoTime()));
    }

    private static Map<String, Map<String, Double>> slots(String action, double pa, String seconds, double pd) {
        Map<String, Map<String, Double>> m = new LinkedHashMap<>();
        m.put("action", Map.of(action, pa, "other", 1 - pa));
        if (seconds != null) {
            m.put("duration", Map.of(seconds, pd, "60", 1 - pd));
        }
        return m;
    }

    @Test
    void aTimerSetFromSoundAloneGetsItsDuration() {
        HEAD.says(Intents.TIMER, 0.99);
        HEAD.slots = slots("set", 0.97, "300", 0.93);
        Assistant.Outcome o = spoken();
        assertThat(o.decision().intent()).isEqualTo(Intents.TIMER);
        assertThat(o.reply().key()).isEqualTo("timer.setPlain");
        assertThat(o.rendered().display()).isEqualTo("Timer set for 5 minutes.");
        assertThat(service.store().running()).singleElement()
                .satisfies(t -> assertThat(t.length()).isEqualTo(Duration.ofMinutes(5)));
    }

    @Test
    void anUnsureDurationAsksHowLongAndSetsNoTimer() {
        HEAD.says(Intents.TIMER, 0.99);
        HEAD.slots = slots("set", 0.97, "300", 0.55);
        Assistant.Outcome o = spoken();
        assertThat(o.reply().key()).isEqualTo("timer.noDuration");
        assertThat(o.rendered().display()).isEqualTo("Sorry, I didn't catch how long the timer should be.");
        assertThat(o.reply().acted()).isFalse();
        assertThat(service.store().running()).isEmpty();
    }

    @Test
    void anUnsureActionOrNoSlotHeadsDoesNothingToTimers() {
        service.assistant().handle(Command.typed(0, "set a timer for 2 minutes"));
        HEAD.says(Intents.TIMER, 0.99);
        HEAD.slots = slots("cancel", 0.6, null, 0);
        assertThat(spoken().rendered().display()).isEqualTo("Sorry, I didn't catch what to do with the timers.");
        HEAD.slots = Map.of(); // a model without slot heads
        assertThat(spoken().reply().key()).isEqualTo("timer.unsure");
        HEAD.slots = slots("last", 0.99, null, 0); // a note's action: the head is confused
        assertThat(spoken().reply().key()).isEqualTo("timer.unsure");
        assertThat(service.store().running()).hasSize(1);
    }

    @Test
    void timersAreListedAndTheOnlyOneIsCancelled() {
        service.assistant().handle(Command.typed(0, "set a pasta timer for 10 minutes"));
        HEAD.says(Intents.TIMER, 0.99);
        HEAD.slots = slots("list", 0.9, null, 0);
        Assistant.Outcome list = spoken();
        assertThat(list.reply().key()).isEqualTo("timer.list");
        assertThat(list.rendered().display()).startsWith("pasta with ");
        HEAD.slots = slots("cancel", 0.9, null, 0);
        Assistant.Outcome cancel = spoken();
        assertThat(cancel.rendered().display()).isEqualTo("Cancelled the pasta timer.");
        assertThat(service.store().running()).isEmpty();
    }

    @Test
    void withSeveralTimersACancelFromSoundAsksWhichOne() {
        service.assistant().handle(Command.typed(0, "set a pasta timer for 10 minutes"));
        service.assistant().handle(Command.typed(0, "set an egg timer for 6 minutes"));
        HEAD.says(Intents.TIMER, 0.99);
        HEAD.slots = slots("cancel", 0.95, null, 0);
        Assistant.Outcome o = spoken();
        assertThat(o.reply().key()).isEqualTo("timer.whichOne");
        assertThat(o.reply().acted()).isFalse();
        assertThat(service.store().running()).hasSize(2);
    }

    @Test
    void notesAreReadBackAndListedButNotWrittenFromSound() {
        service.assistant().handle(Command.typed(0, "take a note that the keys are in the drawer"));
        int notes = service.store().between(Instant.EPOCH, Instant.now().plusSeconds(60)).size();
        HEAD.says(Intents.NOTE, 0.99);
        HEAD.slots = slots("last", 0.95, null, 0);
        assertThat(spoken().rendered().display()).isEqualTo("Your last note: the keys are in the drawer");
        HEAD.slots = slots("today", 0.95, null, 0);
        assertThat(spoken().rendered().display()).startsWith("Today's notes: ").contains("the keys are in the drawer");
        HEAD.slots = slots("create", 0.95, null, 0);
        Assistant.Outcome create = spoken();
        assertThat(create.rendered().display()).isEqualTo(
                "Writing a note needs a speech model to hear its words: install one, or type the note.");
        assertThat(create.reply().acted()).isFalse();
        HEAD.slots = slots("last", 0.5, null, 0);
        assertThat(spoken().reply().key()).isEqualTo("note.unsure");
        assertThat(service.store().between(Instant.EPOCH, Instant.now().plusSeconds(60))).hasSize(notes);
    }

    @Test
    void aHistorySearchFromSoundSaysItNeedsASpeechModel() {
        HEAD.says(Intents.SEARCH, 0.99);
        Assistant.Outcome o = spoken();
        assertThat(o.reply().key()).isEqualTo("search.needsSpeech");
        assertThat(o.reply().acted()).isFalse();
    }

    @Test
    void anUnsureHeadIsNotUnderstoodAndTakesNoSlots() {
        HEAD.says(Intents.TIMER, 0.9); // below the audio-only confidence
        HEAD.slots = slots("set", 0.99, "300", 0.99);
        Assistant.Outcome o = spoken();
        assertThat(o.rendered().display()).isEqualTo("Sorry, I didn't catch that.");
        assertThat(service.store().running()).isEmpty();
    }
}
