package dev.attend.fusion.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.attend.fusion.model.FusionConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataTest {

    @TempDir
    Path tmp;

    @Test
    void everyIntentHasManyCleanPhrases() {
        for (String intent : FusionConfig.INTENTS) {
            List<IntentPhrases.Phrase> all = IntentPhrases.all(intent);
            assertThat(all.size()).as(intent).isGreaterThanOrEqualTo(10);
            for (IntentPhrases.Phrase p : all) {
                assertThat(p.text()).matches("[a-z' ]+").doesNotContain("  ").doesNotStartWith(" ");
            }
        }
        List<IntentPhrases.Phrase> s = IntentPhrases.sample(100, new Random(1), FusionConfig.INTENTS);
        assertThat(s.stream().filter(p -> p.intent().equals("none")).count()).isEqualTo(20); // 2 of every 10
    }

    @Test
    void espeakGivesOneSegmentPerWordInOrderOfLength() throws Exception {
        Espeak e = new Espeak("espeak-ng");
        assumeTrue(e.available(), "espeak-ng not installed");
        List<float[]> words = e.words(new Espeak.Voice("en-us", 160, 50), List.of("a", "wonderful", "day"));
        assertThat(words).hasSize(3);
        assertThat(words.get(1).length).isGreaterThan(words.get(0).length); // "wonderful" is longer than "a"
        SpeechWindow w = SpeechWindow.place(words, 4.0, new Random(2));
        assertThat(w.samples()).hasSize(64000);
        for (int i = 0; i < 3; i++) {
            assertThat(w.end(i) - w.start(i)).isCloseTo(words.get(i).length / 16000.0,
                    org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(w.start(1)).isGreaterThan(w.end(0));
        double inside = w.openingAt((w.start(1) + w.end(1)) / 2);
        assertThat(inside).isGreaterThan(0.1);
        assertThat(w.openingAt(w.start(0) - 0.1)).isZero(); // mouth closed before speech
    }

    @Test
    void aContinuousSentenceHasOrderedSpansCoveringItsSound() throws Exception {
        Espeak e = new Espeak("espeak-ng");
        assumeTrue(e.available(), "espeak-ng not installed");
        Espeak.Sentence s = e.sentence(new Espeak.Voice("en-us", 160, 50), List.of("a", "wonderful", "day"));
        assertThat(s.starts()).hasSize(3);
        assertThat(s.starts()[0]).isZero();
        assertThat(s.ends()[2]).isEqualTo(s.samples().length);
        for (int i = 0; i < 3; i++) {
            assertThat(s.ends()[i]).isGreaterThan(s.starts()[i]);
            if (i > 0) {
                assertThat(s.starts()[i]).isEqualTo(s.ends()[i - 1]); // continuous: no pause between words
            }
        }
        assertThat(s.ends()[1] - s.starts()[1]).isGreaterThan(s.ends()[0] - s.starts()[0]); // "wonderful" > "a"
        SpeechWindow w = SpeechWindow.placeSentence(s, 4.0, new Random(3));
        assertThat(w.samples()).hasSize(64000);
        assertThat(w.end(2) - w.start(0)).isCloseTo(s.samples().length / 16000.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void streamedTokensAreCausalAndOnTheLiveGrid() throws Exception {
        try (var mel = dev.attend.encoders.audio.features.MelSpectrogram.load();
             var emb = dev.attend.encoders.audio.features.SpeechEmbedding.load()) {
            float[] before = new float[StreamedTokens.BEFORE];
            float[] quiet = new float[64000];
            float[] tone = new float[64000];
            for (int i = 32000; i < tone.length; i++) { // a 440-Hz tone from 2.0 s on
                tone[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / 16000.0));
            }
            float[][] a = StreamedTokens.of(mel, emb, before, quiet, 50);
            float[][] b = StreamedTokens.of(mel, emb, before, tone, 50);
            assertThat(a[1][0]).isEqualTo(0.072f);
            assertThat(a[1][49]).isCloseTo(0.072f + 49 * 0.08f, org.assertj.core.data.Offset.offset(1e-5f));
            int dim = 96;
            for (int t = 0; t < 50; t++) {
                float[] x = java.util.Arrays.copyOfRange(a[0], t * dim, (t + 1) * dim);
                float[] y = java.util.Arrays.copyOfRange(b[0], t * dim, (t + 1) * dim);
                if (a[1][t] < 2.0 - 0.03) { // the token's audio (and its 480-sample context) ends before the tone
                    assertThat(y).as("token %d at %.3f s", t, a[1][t]).containsExactly(x);
                } else if (a[1][t] > 2.2) {
                    assertThat(java.util.Arrays.equals(x, y)).as("token %d", t).isFalse();
                }
            }
        }
    }

    @Test
    void salvageKeepsOnlyCompleteUtterances() throws Exception {
        FusionConfig cfg = new FusionConfig(16, 2, 1, 1, 32, 0f, 8, 8, 4, FusionConfig.INTENTS);
        Path dir = tmp.resolve("d");
        dev.attend.fusion.train.TinyData.write(dir, cfg, 5, 1);
        FusionData.Header h = FusionDataset.load(dir).header();
        // cut the video file in the middle of utterance 3's samples, as a killed run would leave it
        long perSample = 4L * cfg.videoTokens() * FusionConfig.VIDEO_DIM;
        try (var ch = java.nio.channels.FileChannel.open(dir.resolve(FusionData.VIDEO), java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(10 * perSample + 7);
        }
        Files.delete(dir.resolve(FusionData.HEADER));
        FusionData.Header s = FusionData.salvage(dir, h);
        assertThat(s.utterances()).isEqualTo(3);
        assertThat(s.samples()).isEqualTo(9);
        assertThat(FusionDataset.load(dir).samples()).hasSize(9);
    }
}
