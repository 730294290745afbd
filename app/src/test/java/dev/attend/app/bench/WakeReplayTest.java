package dev.attend.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attend.encoders.audio.wake.WakeOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WakeReplayTest {

    private static final List<String> HEADS = List.of("hey_jarvis", "alexa");

    /** 30 blocks of 8 phases × 2 heads, all 0.001 (gate closed) but where set. */
    private static float[][] quiet() {
        float[][] s = new float[30][16];
        for (float[] row : s) {
            Arrays.fill(row, Float.NaN);
            row[0] = 0.001f;
            row[1] = 0.001f;
        }
        return s;
    }

    private static void set(float[][] s, int block, int phase, int head, float v) {
        Arrays.fill(s[block], 2, 16, 0.002f); // the gate is open in this block: every phase scored
        s[block][phase * 2 + head] = v;
    }

    private static WakeRawScores raw(float[][] s) {
        double[] t = new double[s.length];
        for (int b = 0; b < t.length; b++) {
            t[b] = 0.072 + 0.08 * b;
        }
        return new WakeRawScores(8, 0.01, HEADS, List.of(new WakeRawScores.Clip("c", t, s, 1.5, 40)));
    }

    private static int[] count(WakeRawScores r, WakeOptions rule) {
        WakeReplay.Outcome o = WakeReplay.replay(r, r.clips().get(0), rule);
        return new int[] {o.detections().get(0).size(), o.detections().get(1).size()};
    }

    @Test
    void aOnePhaseBlipFiresBestOfPhasesButNotTwoVotesNorOpenWakeWord() {
        float[][] s = quiet();
        s[10][0] = 0.02f; // phase 0 opens the gate
        set(s, 10, 3, 0, 0.9f);
        s[10][0] = 0.02f;
        WakeRawScores r = raw(s);
        WakeOptions eight = WakeOptions.withThreshold(0.5).withExtraPatience(Map.of()).withPhaseGate(0.01).withPhases(8).withPatience(1);
        assertThat(count(r, eight)).containsExactly(1, 0);
        assertThat(count(r, eight.withVotes(2))).containsExactly(0, 0);
        assertThat(count(r, eight.withPatience(2))).containsExactly(0, 0);
        assertThat(count(r, WakeBench.baseline(eight))).containsExactly(0, 0);
        // with 2 phases (0 and 4 of the recording) phase 3 is not seen
        assertThat(count(r, eight.withPhases(2))).containsExactly(0, 0);
    }

    @Test
    void aWordHeldOverPhasesAndBlocksFiresEveryRuleOnceAtTheRightTime() {
        float[][] s = quiet();
        for (int b = 12; b <= 13; b++) {
            s[b][0] = 0.7f;
            set(s, b, 2, 0, 0.8f);
            s[b][0] = 0.7f;
            s[b][2 * 2] = 0.8f;
            s[b][3 * 2] = 0.6f;
        }
        WakeRawScores r = raw(s);
        WakeOptions rule = WakeOptions.withThreshold(0.5).withExtraPatience(Map.of()).withPhaseGate(0.01).withPhases(8).withVotes(3).withPatience(2);
        WakeReplay.Outcome o = WakeReplay.replay(r, r.clips().get(0), rule);
        assertThat(o.detections().get(0)).hasSize(1);
        assertThat(o.detections().get(0).get(0).t()).isCloseTo(0.072 + 0.08 * 13 - 0.02, org.assertj.core.api
                .Assertions.within(1e-9)); // the best phase's time (phase 2: 20 ms before phase 0)
        assertThat(o.detections().get(0).get(0).score()).isCloseTo(0.6, org.assertj.core.api.Assertions.within(1e-6)); // third best of 0.8, 0.7, 0.6
        assertThat(o.detections().get(1)).isEmpty();
        assertThat(count(r, WakeBench.baseline(rule))).containsExactly(1, 0);
    }

    @Test
    void embeddingCallsCountTheCatchUpOfOpenedPhasesOnce() {
        float[][] s = quiet();
        s[20][0] = 0.02f;
        set(s, 20, 1, 0, 0.003f);
        s[20][0] = 0.02f;
        WakeRawScores r = raw(s);
        // 30 phase-0 calls; block 20 opens phases 1..7, each catching up blocks 5..20 (16 tokens); block 21 is
        // open too (previous best 0.02 >= gate) and adds one token per phase
        long calls = WakeReplay.replay(r, r.clips().get(0), WakeOptions.withThreshold(0.5).withExtraPatience(Map.of()).withPhaseGate(0.01).withPhases(8)).embeddingCalls();
        assertThat(calls).isEqualTo(30 + 7 * 16 + 7);
        long two = WakeReplay.replay(r, r.clips().get(0), WakeOptions.withThreshold(0.5).withExtraPatience(Map.of()).withPhaseGate(0.01).withPhases(2)).embeddingCalls();
        assertThat(two).isEqualTo(30 + 16 + 1);
        // a gate below the recorded one cannot be replayed
        assertThatThrownBy(() -> WakeReplay.replay(r, r.clips().get(0),
                WakeOptions.withThreshold(0.5).withExtraPatience(Map.of()).withPhaseGate(0.01).withPhases(8).withPhaseGate(0))).hasMessageContaining("cannot replay");
    }

    @Test
    void rawScoresSurviveTheCacheAndADamagedFileIsNotTrusted(@TempDir Path dir) throws Exception {
        float[][] s = quiet();
        set(s, 3, 5, 1, 0.25f);
        WakeRawScores r = raw(s);
        Path f = WakeRawScores.file(dir, "fa-000", 8, 0.01);
        assertThat(f.getFileName().toString()).isEqualTo("fa-000.raw-p8-g0.0100.bin");
        r.write(f);
        WakeRawScores back = WakeRawScores.read(f);
        assertThat(back.heads()).isEqualTo(HEADS);
        assertThat(back.phases()).isEqualTo(8);
        assertThat(back.clips().get(0).scores()[3][5 * 2 + 1]).isEqualTo(0.25f);
        assertThat(Float.isNaN(back.clips().get(0).scores()[0][5])).isTrue();
        assertThat(back.clips().get(0).t0()).containsExactly(r.clips().get(0).t0());
        byte[] bytes = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(WakeRawScores.read(f)).isNull();
        assertThat(WakeRawScores.read(dir.resolve("missing.bin"))).isNull();
    }

    @Test
    void aModelsExtraPatienceHoldsBackOnlyThatModel() {
        float[][] s = quiet();
        for (int b = 12; b <= 13; b++) { // both heads at 0.8 in phase 0 for two blocks, then quiet
            s[b][0] = 0.8f;
            s[b][1] = 0.8f;
        }
        WakeRawScores r = raw(s);
        WakeOptions two = WakeOptions.withThreshold(0.5).withPhaseGate(0.05).withPhases(8).withPatience(2)
                .withExtraPatience(Map.of());
        assertThat(count(r, two)).containsExactly(1, 1);
        // the shipped table: hey_jarvis and alexa need a third block
        assertThat(count(r, WakeOptions.defaults())).containsExactly(0, 0);
        assertThat(count(r, two.withExtraPatience(Map.of("alexa", 1)))).containsExactly(1, 0);
        assertThat(count(r, two.withExtraPatience(Map.of("hey_jarvis", 1)))).containsExactly(0, 1);
        // openWakeWord's scoring has no table
        assertThat(count(r, WakeBench.baseline(WakeOptions.defaults()))).containsExactly(1, 1);
    }

    @Test
    void aThresholdShiftAppliesToItsOwnHeadOnly() {
        float[][] s = quiet();
        for (int b = 12; b <= 13; b++) {
            s[b][0] = 0.6f; // hey_jarvis, phase 0
            s[b][1] = 0.4f; // alexa, phase 0
        }
        WakeRawScores r = raw(s);
        WakeOptions rule = WakeOptions.withThreshold(0.5).withExtraPatience(Map.of()).withPhaseGate(0.01)
                .withPatience(2);
        assertThat(count(r, rule)).containsExactly(1, 0);
        assertThat(count(r, rule.withThresholdShift(Map.of("hey_jarvis", 0.2, "alexa", -0.15))))
                .containsExactly(0, 1);
    }

    @Test
    void perModelPicksBecomeOneRuleRelativeToTheSharedThresholdAndPatience() {
        WakeOptions base = WakeOptions.defaults();
        var tally = new WakeModelSweep.Tally(1, 1, 8, 0);
        WakeOptions r = WakeModelSweep.rule(base, List.of(new WakeModelSweep.Pick("alexa", 0.75, 1, tally),
                new WakeModelSweep.Pick("hey_jarvis", 0.5, 3, tally), new WakeModelSweep.Pick("hey_mycroft", 0.5, 2,
                        tally)));
        assertThat(r.thresholdShift()).containsOnly(Map.entry("alexa", 0.25));
        assertThat(r.extraPatience()).containsOnly(Map.entry("alexa", -1), Map.entry("hey_jarvis", 1));
        assertThat(r.forModel("alexa").threshold()).isEqualTo(0.75);
        assertThat(r.forModel("alexa").patience()).isEqualTo(1);
        assertThat(r.forModel("hey_mycroft").patience()).isEqualTo(2);
    }

    @Test
    void theVerifierTrainingCorpusUsesNoBenchVoiceVariant() {
        assertThat(WakeCorpus.TRAINING_VARIANTS).doesNotContain("", "+m3", "+f2", "+klatt")
                .hasSize(WakeCorpus.VARIANTS.size() - 4).contains("+m1", "+croak");
    }
}
