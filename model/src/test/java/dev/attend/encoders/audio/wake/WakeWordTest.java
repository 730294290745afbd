package dev.attend.encoders.audio.wake;

import dev.attend.event.WakeEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.attend.encoders.audio.AudioModels;
import dev.attend.encoders.audio.TestAudio;
import dev.attend.encoders.audio.features.AudioTokenStream;
import dev.attend.encoders.audio.features.SpeechFeatureStage;
import dev.attend.encoders.audio.features.TokenConsumer;
import dev.attend.event.AttendEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** openWakeWord heads on espeak-ng speech: "hey jarvis" fires once per voice; nothing else fires. */
class WakeWordTest {

    private static Path dir;

    @BeforeAll
    static void setUp() throws Exception {
        dir = TestAudio.tempDir("wake");
    }

    private static List<WakeEvent> wake(Path file, int chunk, List<String> models) throws Exception {
        return wake(file, chunk, models, WakeOptions.defaults());
    }

    private static List<WakeEvent> wake(Path file, int chunk, List<String> models, WakeOptions options)
            throws Exception {
        List<TokenConsumer> heads = new ArrayList<>();
        for (String m : models) {
            heads.add(new WakeWordSpotter(m, options));
        }
        List<AttendEvent> ev = TestAudio.run(new SpeechFeatureStage("wake", new AudioTokenStream(), heads,
                options.phases()), file, chunk);
        assertThat(ev).allMatch(e -> e instanceof WakeEvent);
        return ev.stream().map(WakeEvent.class::cast).toList();
    }

    @Test
    void heyJarvisFiresExactlyOnceInEachVoice() throws Exception {
        for (String voice : List.of("en-us", "en", "en-gb-scotland", "en-us+f3")) {
            Path f = TestAudio.speech(dir, "jarvis-" + voice, voice, "hey jarvis", 1.5, 1.0);
            double length = TestAudio.seconds(f);
            List<WakeEvent> ev = wake(f, 1280, AudioModels.wakeWordNames());
            assertThat(ev).as(voice).singleElement().satisfies(e -> {
                assertThat(e.model()).isEqualTo("hey_jarvis");
                assertThat(e.score()).isBetween(0.5, 1.0);
                assertThat(e.threshold()).isEqualTo(0.5);
                // after the words began (1.5 s of padding) and before the file ended
                assertThat(e.t()).isBetween(1.5, length);
                // the run's peak: at or after the deciding score (patience 1), at least as high, within the hold
                assertThat(e.peak()).isGreaterThanOrEqualTo(e.score()).isLessThanOrEqualTo(1.0);
                assertThat(e.peakT()).isBetween(e.t(), e.t() + WakeDecider.MAX_HOLD_SECONDS);
            });
        }
    }

    @Test
    void heyJarvisAtTheVeryStartOfAFileFiresOnceInEachVoice() throws Exception {
        // no leading silence: the word ends before the 16th token (t = 1.272 s), where unprimed scoring began; these
        // voices gave no event then (the same files padded with 1.5 s of silence did fire)
        for (String voice : List.of("en", "en-gb", "en-gb-scotland")) {
            Path f = TestAudio.speech(dir, "start-" + voice, voice, "hey jarvis, what time is it?", 0, 0.5);
            List<WakeEvent> ev = wake(f, 1280, AudioModels.wakeWordNames());
            assertThat(ev).as(voice).singleElement().satisfies(e -> {
                assertThat(e.model()).isEqualTo("hey_jarvis");
                assertThat(e.score()).isBetween(0.5, 1.0);
                // just after "hey jarvis", before the 1.272 s at which unprimed scoring would have started
                assertThat(e.t()).isBetween(0.6, 1.27);
            });
        }
    }

    @Test
    void scoresStartWithTheFirstTokenAtItsOwnMediaTime() throws Exception {
        List<PhaseScores> scores = new ArrayList<>();
        WakeWordSpotter spotter = new WakeWordSpotter("hey_jarvis", WakeOptions.defaults().withPhases(2)).onScore(scores::add);
        Path f = TestAudio.silence(dir, "scores", 2);
        assertThat(TestAudio.run(new SpeechFeatureStage("wake", new AudioTokenStream(), List.of(spotter), 2), f,
                1280)).isEmpty();
        assertThat(scores).hasSize(25); // 32 000 samples = 25 blocks of 1280, one token and one score per phase each
        for (int k = 0; k < scores.size(); k++) {
            PhaseScores s = scores.get(k);
            assertThat(s.block()).isEqualTo(k);
            // phase 0 on openWakeWord's grid; phase 1 (40 ms earlier) is gated off: silence scores next to nothing
            assertThat(s.t()[0]).isCloseTo(0.08 * k + 0.072, within(1e-6));
            assertThat(s.score()[0]).isLessThan(0.01f);
            assertThat(s.score()[1]).isNaN();
        }
        // ungated, phase 1 is scored in every block, 40 ms before phase 0
        List<PhaseScores> open = new ArrayList<>();
        WakeWordSpotter always = new WakeWordSpotter("hey_jarvis", WakeOptions.defaults().withPhases(2).withPhaseGate(0))
                .onScore(open::add);
        TestAudio.run(new SpeechFeatureStage("wake", new AudioTokenStream(), List.of(always), 2), f, 1280);
        assertThat(open).hasSize(25);
        for (int k = 0; k < open.size(); k++) {
            assertThat(open.get(k).t()[1]).isCloseTo(0.08 * k + 0.032, within(1e-6));
            assertThat(open.get(k).score()[1]).isLessThan(0.01f);
        }
    }

    @Test
    void otherSpeechSilenceAndNoiseNeverFire() throws Exception {
        List<Path> files = new ArrayList<>();
        String[] sentences = {"the weather is nice today", "please open the window",
            "hello there how are you", "turn off the lights in the kitchen", "my car is parked outside"};
        for (int i = 0; i < sentences.length; i++) {
            files.add(TestAudio.speech(dir, "other" + i, i % 2 == 0 ? "en-us" : "en-gb-scotland", sentences[i], 1, 1));
        }
        // and at the very start of a file, where the primed history is all the heads have seen
        String[] atStart = {"hey there, what time is it?", "please open the window", "harvest time",
            "the weather is nice today"};
        for (int i = 0; i < atStart.length; i++) {
            files.add(TestAudio.speech(dir, "start-other" + i, i % 2 == 0 ? "en-gb" : "en-us", atStart[i], 0, 0.5));
        }
        files.add(TestAudio.silence(dir, "silence", 5));
        files.add(TestAudio.whiteNoise(dir, "noise", 5, 0.3));
        for (Path f : files) {
            assertThat(wake(f, 1280, AudioModels.wakeWordNames())).as(f.getFileName().toString()).isEmpty();
        }
    }

    @Test
    void chunkSizeDoesNotChangeDetections() throws Exception {
        Path f = TestAudio.speech(dir, "jarvis-chunks", "en", "hey jarvis", 1.5, 1.0);
        List<WakeEvent> ref = wake(f, 1280, List.of("hey_jarvis"));
        assertThat(ref).hasSize(1);
        assertThat(wake(f, 320, List.of("hey_jarvis"))).isEqualTo(ref);
        assertThat(wake(f, 4000, List.of("hey_jarvis"))).isEqualTo(ref);
    }

    @Test
    void twoUtterancesFarApartFireTwice() throws Exception {
        Path a = TestAudio.speech(dir, "twice-a", "en-us", "hey jarvis", 1.5, 2.5);
        Path b = TestAudio.speech(dir, "twice-b", "en-gb-scotland", "hey jarvis", 0, 1.0);
        Path both = TestAudio.concat(dir.resolve("twice.wav"), List.of(a, b));
        List<WakeEvent> ev = wake(both, 1280, List.of("hey_jarvis"));
        assertThat(ev).hasSize(2);
        assertThat(ev.get(1).t() - ev.get(0).t()).isGreaterThan(2.0);
    }

    @Test
    void heyJarvisAtEveryOffsetAcrossThe80msGridFiresExactlyOnce() throws Exception {
        // the same words starting 0, 10, …, 70 ms later: openWakeWord's single grid sees each at another phase
        for (String voice : List.of("en-us", "en-gb-scotland")) {
            for (int k = 0; k < 8; k++) {
                Path f = TestAudio.speechExact(dir, "offset-" + voice + "-" + k, voice, "hey jarvis", 1.0 + 0.01 * k, 1.0);
                List<WakeEvent> ev = wake(f, 1280, AudioModels.wakeWordNames());
                assertThat(ev).as("%s, %d ms", voice, 10 * k).singleElement().satisfies(e -> {
                    assertThat(e.model()).isEqualTo("hey_jarvis");
                    assertThat(e.peak()).isGreaterThanOrEqualTo(e.score()).isGreaterThanOrEqualTo(0.5);
                });
            }
        }
    }

    @Test
    void onePhaseIsOpenWakeWordsGridAndTwoPhasesScoreAtLeastAsHigh() throws Exception {
        Path f = TestAudio.speechExact(dir, "phases", "en-gb-scotland", "hey jarvis", 1.03, 1.0);
        List<PhaseScores> one = scores(f, WakeOptions.defaults().withPhases(1));
        List<PhaseScores> two = scores(f, WakeOptions.defaults().withPhases(2));
        List<PhaseScores> ungated = scores(f, WakeOptions.defaults().withPhases(2).withPhaseGate(0));
        assertThat(two).hasSameSizeAs(one);
        for (int k = 0; k < one.size(); k++) {
            assertThat(one.get(k).score()).hasSize(1);
            // phase 0 is the same token stream and history either way
            assertThat(two.get(k).score()[0]).isEqualTo(one.get(k).score()[0]);
            assertThat(two.get(k).t()[0]).isEqualTo(one.get(k).t()[0]);
            // the gate changes which blocks phase 1 is scored in, never its score there
            float gated = two.get(k).score()[1];
            if (!Float.isNaN(gated)) {
                assertThat(gated).as("block %d", k).isEqualTo(ungated.get(k).score()[1]);
            }
        }
        assertThat(two).anyMatch(s -> Float.isNaN(s.score()[1])).anyMatch(s -> !Float.isNaN(s.score()[1]));
        float peak1 = (float) one.stream().mapToDouble(s -> s.score()[0]).max().orElseThrow();
        float peak2 = (float) two.stream().mapToDouble(s -> s.score()[s.best()]).max().orElseThrow();
        assertThat(peak2).isGreaterThanOrEqualTo(peak1);
    }

    @Test
    void eightPhasesHoldTheTwoPhasesAsPhasesZeroAndFour() throws Exception {
        // the bench records 8 phases once and replays 2 or 4 from them: phase p of P phases is phase p × 8/P of 8
        Path f = TestAudio.speechExact(dir, "phases8", "en-us", "hey jarvis", 1.02, 1.0);
        List<PhaseScores> two = scores(f, WakeOptions.defaults().withPhases(2).withPhaseGate(0));
        List<PhaseScores> eight = scores(f, WakeOptions.defaults().withPhases(8).withPhaseGate(0));
        assertThat(eight).hasSameSizeAs(two);
        int compared = 0;
        for (int k = 0; k < two.size(); k++) {
            assertThat(eight.get(k).score()).hasSize(8);
            assertThat(eight.get(k).score()[0]).isEqualTo(two.get(k).score()[0]);
            if (!Float.isNaN(two.get(k).score()[1])) {
                assertThat(eight.get(k).score()[4]).as("block %d", k).isEqualTo(two.get(k).score()[1]);
                assertThat(eight.get(k).t()[4]).isEqualTo(two.get(k).t()[1]);
                compared++;
            }
            // phase q's token ends q × 10 ms before phase 0's
            for (int q = 1; q < 8; q++) {
                if (!Double.isNaN(eight.get(k).t()[q])) {
                    assertThat(eight.get(k).t()[0] - eight.get(k).t()[q]).isCloseTo(0.01 * q, within(1e-6));
                }
            }
        }
        assertThat(compared).isGreaterThan(20);
    }

    private static List<PhaseScores> scores(Path f, WakeOptions options) throws Exception {
        List<PhaseScores> out = new ArrayList<>();
        WakeWordSpotter spotter = new WakeWordSpotter("hey_jarvis", options).onScore(out::add);
        TestAudio.run(new SpeechFeatureStage("wake", new AudioTokenStream(), List.of(spotter), options.phases()), f,
                1280);
        return out;
    }
}
