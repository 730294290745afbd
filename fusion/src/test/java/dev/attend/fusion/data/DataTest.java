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
