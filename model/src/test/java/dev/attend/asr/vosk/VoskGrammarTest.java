package dev.attend.asr.vosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attend.asr.RecognitionResult;
import dev.attend.asr.RecognizerOptions;
import dev.attend.asr.TestModels;
import dev.attend.testkit.ToneAudio;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Grammar mode on the runtime-graph tone model. libvosk restricts recognition to the words of the phrase list;
 * audio of other words becomes {@code [unk]} when the list has it, else the grammar words that fit best.
 */
class VoskGrammarTest {

    static String decode(List<String> grammar, String spoken) {
        ToneAudio audio = ToneAudio.utterance(List.of(spoken.split(" ")), 0.3);
        RecognizerOptions o = RecognizerOptions.defaults().withGrammar(grammar);
        try (VoskRecognizer r = VoskRecognizer.open(TestModels.grammarGraph(), o)) {
            List<RecognitionResult.Utterance> finals = VoskRecognizerTest.decode(r, audio.pcm16le(), 4000).finals();
            assertThat(finals).hasSize(1);
            return finals.get(0).text();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "one two, one two",
        "three, three",
        "four, [unk]",
        "one four, one [unk]",
        "five six, [unk] [unk]"})
    void outOfGrammarWordsBecomeUnk(String spoken, String expected) {
        assertThat(decode(List.of("one two", "three", "[unk]"), spoken)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "one two, one two",
        "four, three one"})   // D A read as the grammar's closest fit: three (C D) + one (A B)
    void withoutUnkOtherWordsMapToGrammarWords(String spoken, String expected) {
        assertThat(decode(List.of("one two", "three"), spoken)).isEqualTo(expected);
    }

    @Test
    void withoutGrammarTheRuntimeGraphKnowsEveryWord() {
        ToneAudio audio = ToneAudio.utterance(List.of("five", "six", "four"), 0.3);
        try (VoskRecognizer r = VoskRecognizer.open(TestModels.grammarGraph(), RecognizerOptions.defaults())) {
            assertThat(VoskRecognizerTest.decode(r, audio.pcm16le(), 4000).finals())
                    .extracting(RecognitionResult.Utterance::text).containsExactly("five six four");
        }
    }

    @Test
    void staticGraphModelRefusesAGrammarClearly() {
        RecognizerOptions o = RecognizerOptions.defaults().withGrammar(List.of("one two"));
        assertThatThrownBy(() -> VoskRecognizer.open(TestModels.staticGraph(), o))
                .isInstanceOf(VoskModelException.class)
                .hasMessageContaining("static graph (graph/HCLG.fst)")
                .hasMessageContaining("HCLr.fst");
        assertThat(VoskModelCache.shared().openModels()).isZero();
    }

    @Test
    void unknownGrammarWordsAreNamed() {
        RecognizerOptions o = RecognizerOptions.defaults().withGrammar(List.of("one eleven"));
        assertThatThrownBy(() -> VoskRecognizer.open(TestModels.grammarGraph(), o))
                .isInstanceOf(VoskModelException.class)
                .hasMessageContaining("'eleven' is not in the model's vocabulary");
        assertThatThrownBy(() -> VoskRecognizer.open(TestModels.grammarGraph(),
                RecognizerOptions.defaults().withGrammar(List.of())))
                .hasMessageContaining("grammar is empty");
        assertThat(VoskModelCache.shared().openModels()).isZero();
    }
}
