package dev.attend.assistant.intent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.encoders.text.MiniLm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The real MiniLM over the bundled phrase file: held-out phrasings (not in the file) and non-commands. */
class TextIntentClassifierTest {

    private static MiniLm minilm;
    private static TextIntentClassifier bundled;
    private static final IntentCombiner COMBINER = IntentCombiner.defaults();

    @BeforeAll
    static void load() throws Exception {
        minilm = MiniLm.load(false);
        bundled = new TextIntentClassifier(minilm::embed, IntentPhrases::bundled);
    }

    @AfterAll
    static void close() {
        minilm.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "what's the time right now | time",
        "have you got the time | time",
        "which date is it | date",
        "could you tell me what time it is | time",
        "what day is today | date",
        "what is the date today | date",
        "set a timer for 5 minutes | timer",
        "start a timer for ninety seconds | timer",
        "put a 20 minute timer on | timer",
        "cancel my timer | timer",
        "take a note that I parked on level three | note",
        "read me my last note | note",
        "what did I say about the holiday plans | search",
        "search my past sessions for the invoice | search",
        "translate that to spanish | translate_last",
        "say it in catalan | translate_last",
        "say that one more time | repeat",
        "please repeat that | repeat",
        "stop it | stop",
        "never mind that | stop",
    })
    void heldOutCommands(String text, String intent) {
        IntentDecision d = COMBINER.decide(bundled.classify(text), null);
        assertThat(d.intent()).as("%s: %s", text, d.text()).isEqualTo(intent);
        assertThat(d.understood()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"I had lunch with my sister yesterday", "the parking lot was full this morning",
        "blorf zanky wibble", "do you like jazz", "my favourite colour is green", "we should buy a new car"})
    void nonCommandsAreNotUnderstood(String text) {
        IntentDecision d = COMBINER.decide(bundled.classify(text), null);
        assertThat(d.understood()).as("%s: %s", text, d.text()).isFalse();
        assertThat(d.intent()).isEqualTo(Intents.NONE);
    }

    @Test
    void aNewIntentInTheUserFileIsPickedUpWhenTheFileChanges(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("intents.txt");
        Files.writeString(file, "time: what time is it\nnone: the weather is nice\n", StandardCharsets.UTF_8);
        PhraseFile phrases = new PhraseFile(file);
        TextIntentClassifier c = TextIntentClassifier.of(minilm::embed, phrases);
        assertThat(c.classify("turn on the kitchen lights").intent()).isNotEqualTo("lights");
        Files.writeString(file, "time: what time is it\nnone: the weather is nice\nlights: turn on the lights\n"
                + "lights: switch the light off\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        IntentOpinion o = c.classify("turn on the kitchen lights");
        assertThat(o.intent()).isEqualTo("lights");
        assertThat(o.example()).isEqualTo("turn on the lights");
        assertThat(c.intents()).containsExactly("time", "none", "lights");
    }

    @Test
    void aBrokenEditKeepsThePreviousPhrases(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("intents.txt");
        Files.writeString(file, "time: what time is it\nnone: hello\n", StandardCharsets.UTF_8);
        PhraseFile phrases = new PhraseFile(file);
        assertThat(phrases.phrases().size()).isEqualTo(2);
        Files.writeString(file, "time what time is it\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(phrases.phrases().size()).isEqualTo(2);
        assertThat(phrases.lastError()).contains("line 1").contains("expected 'intent: example phrase'");
    }
}
