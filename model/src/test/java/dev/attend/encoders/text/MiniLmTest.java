package dev.attend.encoders.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The plain MiniLM sentence encoder: known similarities, unit length, determinism, intent matching. */
class MiniLmTest {

    private static MiniLm plain;

    @BeforeAll
    static void load() throws Exception {
        plain = MiniLm.load(false);
    }

    @AfterAll
    static void close() {
        plain.close();
    }

    @Test
    void tokenizesWithSpecialTokensAndNoFixedPadding() {
        TokenBatch b = plain.tokenizer().encode("Hello, world!");
        assertThat(b.tokens().get(0)).containsExactly("[CLS]", "hello", ",", "world", "!", "[SEP]");
        assertThat(b.ids()[0]).startsWith(101L).endsWith(102L);
        assertThat(b.mask()[0]).containsOnly(1L);
    }

    @Test
    void longTextsAreTruncatedToMaxLengthKeepingSeparator() throws Exception {
        java.nio.file.Path json = MiniLmFiles.BUNDLED.tokenizer().materialize(
                dev.attend.models.BundledModel.defaultCacheDir());
        try (TextTokenizer t = new TextTokenizer(json, 16)) {
            TokenBatch b = t.encode("one two three four five six seven eight nine ten eleven twelve thirteen "
                    + "fourteen fifteen sixteen seventeen eighteen nineteen twenty");
            assertThat(b.seqLen()).isEqualTo(16);
            assertThat(b.tokens().get(0)).startsWith("[CLS]", "one").endsWith("fourteen", "[SEP]");
        }
    }

    @Test
    void paraphrasesScoreHigherThanUnrelatedSentences() {
        String[][] triples = {
            {"How is the weather today?", "What's the weather like today?", "I like to eat pizza with my friends."},
            {"Turn off the lights.", "Switch the lights off.", "The stock market fell sharply on Monday."},
            {"Set an alarm for seven in the morning.", "Wake me up at 7 am.", "My cat sleeps on the sofa all day."},
            {"Play some music, please.", "Put on a song.", "What is the capital of France?"},
            {"A man is playing a guitar.", "Someone plays the guitar.", "The bank raised its interest rates."},
        };
        for (String[] t : triples) {
            float[] a = plain.embed(t[0]);
            float[] para = plain.embed(t[1]);
            float[] other = plain.embed(t[2]);
            double paraphrase = TextSimilarity.cosine(a, para);
            assertThat(paraphrase).as("'%s' ~ '%s'", t[0], t[1])
                    .isGreaterThan(TextSimilarity.cosine(a, other) + 0.2)
                    .isGreaterThan(TextSimilarity.cosine(para, other) + 0.2);
        }
    }

    @Test
    void embeddingsAreUnitLength384() {
        for (String s : List.of("hi", "The quick brown fox jumps over the lazy dog.", "¿Dónde está la estación?")) {
            float[] v = plain.embed(s);
            assertThat(v).hasSize(384);
            double n = 0;
            for (float x : v) {
                n += x * x;
            }
            assertThat(Math.sqrt(n)).isCloseTo(1.0, within(1e-6));
        }
        assertThat(TextSimilarity.cosine(plain.embed("same text"), plain.embed("same text"))).isCloseTo(1.0,
                within(1e-6));
    }

    @Test
    void secondRunAndSecondLoadMatchBitForBit() throws Exception {
        String s = "Please remind me to call my mother tomorrow evening.";
        EncoderOutput first = plain.encode(List.of(s));
        EncoderOutput second = plain.encode(List.of(s));
        assertThat(second.hidden()).isDeepEqualTo(first.hidden());
        try (MiniLm again = MiniLm.load(false)) {
            assertThat(again.embed(s)).containsExactly(plain.embed(s));
        }
    }

    @Test
    void embeddingSeveralTextsGivesTheSingleResultsExactly() {
        List<String> texts = List.of("short one", "a considerably longer sentence with many more tokens in it");
        List<float[]> several = plain.embed(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(several.get(i)).containsExactly(plain.embed(texts.get(i)));
        }
        // a padded batch is close but not identical: the quantized graph's activation scales span the batch
        EncoderOutput batch = plain.encode(texts);
        assertThat(TextSimilarity.cosine(batch.sentenceEmbedding(0), several.get(0))).isGreaterThan(0.95);
    }

    @Test
    void tokenEmbeddingsHaveOneVectorPerRealToken() {
        EncoderOutput out = plain.encode(List.of("one two", "one two three four five"));
        assertThat(out.tokenEmbeddings(0)).hasNumberOfRows(4);
        assertThat(out.tokenEmbeddings(1)).hasNumberOfRows(7);
        assertThat(out.tokenEmbeddings(0)[0]).hasSize(384);
    }

    @Test
    void phraseMatcherFindsTheIntent() {
        PhraseMatcher intents = new PhraseMatcher(plain, List.of(
                "turn on the lights", "what time is it", "play some music", "set a timer", "what's the weather"));
        assertThat(intents.best("could you switch the lamp on").phrase()).isEqualTo("turn on the lights");
        assertThat(intents.best("tell me the current time").phrase()).isEqualTo("what time is it");
        assertThat(intents.best("will it rain tomorrow").phrase()).isEqualTo("what's the weather");
        List<PhraseMatcher.Match> top = intents.topK("start a countdown for ten minutes", 3);
        assertThat(top).hasSize(3);
        assertThat(top.get(0).phrase()).isEqualTo("set a timer");
        assertThat(top).isSortedAccordingTo((x, y) -> Double.compare(y.score(), x.score()));
    }
}
