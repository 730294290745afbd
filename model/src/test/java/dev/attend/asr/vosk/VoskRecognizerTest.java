package dev.attend.asr.vosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.attend.asr.EndpointerSettings;
import dev.attend.asr.RecognitionResult;
import dev.attend.asr.RecognizerOptions;
import dev.attend.asr.TestModels;
import dev.attend.testkit.ToneAudio;
import dev.attend.testkit.ToneLanguage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real libvosk on the generated tone model: known answers. */
class VoskRecognizerTest {

    /** What a stream produced: settled utterances, partial texts in order, stream times of endpoints. */
    record Run(List<RecognitionResult.Utterance> finals, List<String> partials, List<Double> endpoints) {
    }

    static Run decode(VoskRecognizer r, byte[] pcm, int chunk) {
        List<RecognitionResult.Utterance> finals = new ArrayList<>();
        List<String> partials = new ArrayList<>();
        List<Double> endpoints = new ArrayList<>();
        for (int off = 0; off < pcm.length; off += chunk) {
            int n = Math.min(chunk, pcm.length - off);
            RecognitionResult.Utterance u = r.acceptPcm16le(Arrays.copyOfRange(pcm, off, off + n), n);
            if (u != null) {
                endpoints.add((off + n) / 2.0 / ToneAudio.SAMPLE_RATE);
                if (!u.isEmpty()) {
                    finals.add(u);
                }
            } else {
                partials.add(r.partial().text());
            }
        }
        RecognitionResult.Utterance last = r.finish();
        if (!last.isEmpty()) {
            finals.add(last);
        }
        return new Run(finals, partials, endpoints);
    }

    static List<String> randomWords(long seed, int n) {
        Random rnd = new Random(seed);
        List<String> all = ToneLanguage.defaultWordList();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(all.get(rnd.nextInt(all.size())));
        }
        return out;
    }

    static VoskRecognizer open(RecognizerOptions o) {
        return VoskRecognizer.open(TestModels.staticGraph(), o);
    }

    static void assertMatches(RecognitionResult.Utterance u, ToneAudio audio, double offset) {
        assertThat(u.text()).isEqualTo(audio.text());
        assertThat(u.words()).hasSameSizeAs(audio.spans());
        for (int i = 0; i < u.words().size(); i++) {
            RecognitionResult.Word w = u.words().get(i);
            ToneAudio.WordSpan s = audio.spans().get(i);
            assertThat(w.word()).isEqualTo(s.word());
            assertThat(w.start()).as("start of %s", s).isCloseTo(offset + s.start(), within(0.06));
            assertThat(w.end()).as("end of %s", s).isCloseTo(offset + s.end(), within(0.06));
            assertThat(w.conf()).isBetween(0.0, 1.0);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void randomSequencesDecodeExactlyWithWordTimes(long seed) {
        ToneAudio audio = ToneAudio.utterance(randomWords(seed, 3 + (int) seed % 5), 0.3);
        try (VoskRecognizer r = open(RecognizerOptions.defaults())) {
            Run run = decode(r, audio.pcm16le(), 4000);
            assertThat(run.finals()).hasSize(1);
            assertMatches(run.finals().get(0), audio, 0);
            assertThat(run.finals().get(0).confidence()).isEqualTo(1.0);
        }
    }

    @Test
    void chunkSizeDoesNotChangeTheResult() {
        ToneAudio audio = ToneAudio.utterance(randomWords(42, 6), 0.25);
        List<List<RecognitionResult.Utterance>> results = new ArrayList<>();
        for (int chunk : new int[]{320, 4000, 96000}) {
            try (VoskRecognizer r = open(RecognizerOptions.defaults())) {
                results.add(decode(r, audio.pcm16le(), chunk).finals());
            }
        }
        assertThat(results.get(0)).hasSize(1);
        assertMatches(results.get(0).get(0), audio, 0);
        assertThat(results.get(1)).isEqualTo(results.get(0));
        assertThat(results.get(2)).isEqualTo(results.get(0));
    }

    @ParameterizedTest
    @ValueSource(doubles = {10, 30})
    void decodesWithNoise(double std) {
        ToneAudio audio = ToneAudio.builder().noise(std, 7).silence(0.5).words(randomWords(9, 5), 0.3)
                .silence(1.0).build();
        try (VoskRecognizer r = open(RecognizerOptions.defaults())) {
            Run run = decode(r, audio.pcm16le(), 4000);
            assertThat(run.finals()).hasSize(1);
            assertMatches(run.finals().get(0), audio, 0);
        }
    }

    @Test
    void quietAndLoudSpeechDecode() {
        for (double amp : new double[]{1000, 30000}) {
            ToneAudio audio = ToneAudio.builder().amplitude(amp).silence(0.5).words(List.of("nine", "zero"), 0.3)
                    .silence(1.0).build();
            try (VoskRecognizer r = open(RecognizerOptions.defaults())) {
                assertThat(decode(r, audio.pcm16le(), 4000).finals()).extracting(RecognitionResult.Utterance::text)
                        .as("amplitude %s", amp).containsExactly("nine zero");
            }
        }
    }

    @Test
    void twoUtterancesSeparatedBySilenceGiveTwoFinalsOnOneClock() {
        ToneAudio audio = ToneAudio.builder().silence(0.5).words(List.of("one", "two"), 0.3).silence(2.0)
                .words(List.of("three", "four", "five"), 0.3).silence(1.0).build();
        try (VoskRecognizer r = open(RecognizerOptions.defaults())) {
            Run run = decode(r, audio.pcm16le(), 3200);
            assertThat(run.finals()).extracting(RecognitionResult.Utterance::text)
                    .containsExactly("one two", "three four five");
            List<ToneAudio.WordSpan> spans = audio.spans();
            RecognitionResult.Utterance second = run.finals().get(1);
            for (int i = 0; i < 3; i++) {
                assertThat(second.words().get(i).start()).isCloseTo(spans.get(2 + i).start(), within(0.06));
                assertThat(second.words().get(i).end()).isCloseTo(spans.get(2 + i).end(), within(0.06));
            }
        }
    }

    @Test
    void partialsGrowMonotonically() {
        ToneAudio audio = ToneAudio.utterance(randomWords(5, 7), 0.3);
        try (VoskRecognizer r = open(RecognizerOptions.defaults())) {
            Run run = decode(r, audio.pcm16le(), 320);
            List<String> distinct = new ArrayList<>();
            for (String p : run.partials()) {
                if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).equals(p)) {
                    distinct.add(p);
                }
            }
            if (!run.endpoints().isEmpty() && distinct.get(distinct.size() - 1).isEmpty()) {
                distinct.remove(distinct.size() - 1); // the next utterance's empty guess after the endpoint
            }
            // "", "w1", "w1 w2", … : every change extends the previous text by exactly one word
            List<String> words = Arrays.asList(audio.text().split(" "));
            assertThat(distinct).hasSize(words.size() + 1);
            for (int i = 0; i <= words.size(); i++) {
                assertThat(distinct.get(i)).isEqualTo(String.join(" ", words.subList(0, i)));
            }
        }
    }

    @Test
    void partialWordsCarryTimes() {
        // libvosk determinizes the lattice for partial words in batches: they lag, so use a longer utterance
        ToneAudio audio = ToneAudio.utterance(randomWords(11, 10), 0.3);
        try (VoskRecognizer r = open(RecognizerOptions.defaults().withPartialWords(true))) {
            byte[] pcm = audio.pcm16le();
            RecognitionResult.Partial withWords = null;
            for (int off = 0; off < pcm.length && withWords == null; off += 3200) {
                int n = Math.min(3200, pcm.length - off);
                assertThat(r.acceptPcm16le(Arrays.copyOfRange(pcm, off, off + n), n)).isNull();
                RecognitionResult.Partial p = r.partial();
                if (!p.words().isEmpty()) {
                    withWords = p;
                }
            }
            assertThat(withWords).isNotNull();
            assertThat(withWords.words()).extracting(RecognitionResult.Word::word)
                    .containsExactlyElementsOf(Arrays.asList(withWords.text().split(" ")));
            for (int i = 0; i < withWords.words().size(); i++) {
                assertThat(withWords.words().get(i).word()).isEqualTo(audio.spans().get(i).word());
                assertThat(withWords.words().get(i).start()).isCloseTo(audio.spans().get(i).start(), within(0.06));
            }
        }
    }

    @Test
    void wordsCanBeSwitchedOff() {
        ToneAudio audio = ToneAudio.utterance(List.of("eight"), 0.3);
        try (VoskRecognizer r = open(RecognizerOptions.defaults().withWords(false))) {
            RecognitionResult.Utterance u = decode(r, audio.pcm16le(), 4000).finals().get(0);
            assertThat(u.text()).isEqualTo("eight");
            assertThat(u.words()).isEmpty();
            assertThat(u.start()).isNaN();
        }
    }

    @Test
    void alternativesWhenAsked() {
        // "one" = A B and "five" = A C: with B and C mixed at equal strength both words fit equally well
        short[] one = ToneAudio.utterance(List.of("one"), 0.3).pcm();
        short[] five = ToneAudio.utterance(List.of("five"), 0.3).pcm();
        short[] mix = new short[one.length];
        for (int i = 0; i < mix.length; i++) {
            mix[i] = (short) ((one[i] + five[i]) / 2);
        }
        byte[] pcm = new ToneAudio(mix, List.of()).pcm16le();
        try (VoskRecognizer r = open(RecognizerOptions.defaults().withMaxAlternatives(3))) {
            RecognitionResult.Utterance u = decode(r, pcm, 4000).finals().get(0);
            assertThat(u.text()).isIn("one", "five");
            assertThat(u.words()).extracting(RecognitionResult.Word::word).containsExactly(u.text());
            String other = u.text().equals("one") ? "five" : "one";
            // the lattice also holds readings of the mixed second tone as a word of its own ("two" = B C)
            assertThat(u.alternatives()).isNotEmpty().hasSizeLessThanOrEqualTo(2)
                    .noneMatch(a -> a.text().equals(u.text()))
                    .anyMatch(a -> a.text().startsWith(other));
        }
        try (VoskRecognizer r = open(RecognizerOptions.defaults())) {
            assertThat(decode(r, pcm, 4000).finals().get(0).alternatives()).isEmpty();
        }
    }

    /** Endpoint = stream time at which the recognizer settled, minus the true end of the last word. */
    static double endpointDelay(RecognizerOptions o) {
        ToneAudio audio = ToneAudio.builder().silence(0.5).words(List.of("two", "four"), 0.3).silence(3.0).build();
        try (VoskRecognizer r = VoskRecognizer.open(TestModels.staticGraph(), o)) {
            Run run = decode(r, audio.pcm16le(), 320);
            assertThat(run.finals()).extracting(RecognitionResult.Utterance::text).containsExactly("two four");
            assertThat(run.endpoints()).isNotEmpty();
            return run.endpoints().get(0) - audio.spans().get(1).end();
        }
    }

    @Test
    void endpointFiresAfterTheConfiguredTrailingSilence() {
        double modelDefault = endpointDelay(RecognizerOptions.defaults()); // model.conf: rule 2 at 0.5 s
        double oneSecond = endpointDelay(RecognizerOptions.defaults()
                .withEndpointer(EndpointerSettings.delays(10, 1.0, 20)));
        double longMode = endpointDelay(RecognizerOptions.defaults()
                .withEndpointer(EndpointerSettings.mode(EndpointerSettings.Mode.LONG)));
        // libvosk checks endpoints on its decoder's frame batches: a little late, never early
        assertThat(modelDefault).isBetween(0.5, 0.5 + 0.3);
        assertThat(oneSecond).isBetween(1.0, 1.0 + 0.3);
        assertThat(longMode).isEqualTo(oneSecond); // LONG doubles the model's 0.5 s
        assertThat(VoskModelCache.shared().openModels()).isZero();
    }

    @Test
    void closesExactlyOnceAndRefusesUseAfterClose() {
        VoskRecognizer r = open(RecognizerOptions.defaults());
        r.close();
        r.close();
        assertThatThrownBy(r::partial).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThat(VoskModelCache.shared().openModels()).isZero();
    }

    @Test
    void recognizersShareOneModel() {
        VoskModelCache cache = new VoskModelCache();
        try (VoskRecognizer a = VoskRecognizer.open(cache, TestModels.staticGraph(), RecognizerOptions.defaults());
             VoskRecognizer b = VoskRecognizer.open(cache, TestModels.staticGraph(), RecognizerOptions.defaults())) {
            assertThat(cache.openModels()).isEqualTo(1);
            assertThat(cache.loads()).isEqualTo(1);
            ToneAudio audio = ToneAudio.utterance(List.of("five"), 0.3);
            assertThat(decode(a, audio.pcm16le(), 4000).finals().get(0).text()).isEqualTo("five");
            assertThat(decode(b, audio.pcm16le(), 4000).finals().get(0).text()).isEqualTo("five");
        }
        assertThat(cache.openModels()).isZero();
        assertThat(cache.frees()).isEqualTo(1);
    }
}
