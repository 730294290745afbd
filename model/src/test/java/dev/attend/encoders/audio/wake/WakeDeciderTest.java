package dev.attend.encoders.audio.wake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WakeDeciderTest {

    /** openWakeWord's decision: threshold 0.5, patience 1, refractory 2 s. */
    private static final WakeOptions ONE = new WakeOptions(0.5, 1, 2.0);


    /** What the decider hands out over scores one 80 ms block apart (t = 0, 0.08, …), the stream then ending. */
    private static List<WakeDecider.Detection> detections(WakeOptions o, double... scores) {
        WakeDecider d = new WakeDecider(o);
        List<WakeDecider.Detection> out = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            WakeDecider.Detection x = d.accept(t(i), scores[i]);
            if (x != null) {
                out.add(x);
            }
        }
        WakeDecider.Detection last = d.finish();
        if (last != null) {
            out.add(last);
        }
        return out;
    }

    private static double t(int i) {
        return Math.round(i * 0.08 * 1000) / 1000.0;
    }

    /** Times at which the decider decided (the deciding score's time). */
    private static List<Double> fires(WakeOptions o, double... scores) {
        return detections(o, scores).stream().map(WakeDecider.Detection::t).toList();
    }

    @Test
    void firesOnceWhenTheScoreCrossesTheThreshold() {
        assertThat(fires(ONE, 0.1, 0.2, 0.7, 0.9, 0.8, 0.3, 0.1)).containsExactly(0.16);
        assertThat(fires(ONE, 0.1, 0.49, 0.3)).isEmpty();
    }

    @Test
    void theDetectionCarriesTheRunsPeakAndIsHandedOutWhenTheRunEnds() {
        WakeDecider d = new WakeDecider(ONE);
        assertThat(d.accept(0.0, 0.1)).isNull();
        assertThat(d.accept(0.08, 0.6)).isNull(); // decided here, held back for the peak
        assertThat(d.accept(0.16, 0.95)).isNull();
        assertThat(d.accept(0.24, 0.7)).isNull();
        assertThat(d.accept(0.32, 0.2)).isEqualTo(new WakeDecider.Detection(0.08, 0.6, 0.16, 0.95));
        assertThat(d.finish()).isNull();
    }

    @Test
    void aRunStillGoingAtTheEndOfTheStreamIsHandedOutByFinish() {
        assertThat(detections(ONE, 0.1, 0.8, 0.9))
                .containsExactly(new WakeDecider.Detection(0.08, 0.8, 0.16, 0.9));
    }

    @Test
    void aLongRunIsHandedOutAfterTheLongestHold() {
        WakeDecider d = new WakeDecider(ONE);
        List<Double> handedAt = new ArrayList<>();
        List<WakeDecider.Detection> out = new ArrayList<>();
        double[] scores = {0.6, 0.7, 0.8, 0.9, 0.95, 0.97, 0.99, 0.99, 0.99, 0.99, 0.99, 0.1};
        for (int i = 0; i < scores.length; i++) {
            WakeDecider.Detection x = d.accept(t(i), scores[i]);
            if (x != null) {
                handedAt.add(t(i));
                out.add(x);
            }
        }
        // 0.5 s after the deciding score at 0: at the 7th block (0.56 s), with the peak so far (0.99 first at 0.48)
        assertThat(handedAt).containsExactly(0.56);
        assertThat(out).containsExactly(new WakeDecider.Detection(0.0, 0.6, 0.48, 0.99));
    }

    @Test
    void patienceNeedsConsecutiveFramesAboveTheThreshold() {
        WakeOptions p3 = new WakeOptions(0.5, 3, 2.0);
        assertThat(fires(p3, 0.9, 0.9, 0.1, 0.9, 0.9, 0.1)).isEmpty();
        assertThat(fires(p3, 0.9, 0.9, 0.9, 0.9)).containsExactly(0.16);
        // the peak counts the whole run, also the scores before patience was reached
        assertThat(detections(p3, 0.95, 0.6, 0.7, 0.1))
                .containsExactly(new WakeDecider.Detection(0.16, 0.7, 0.0, 0.95));
    }

    @Test
    void refractoryPeriodAndReArming() {
        // two peaks 0.32 s apart: the second is inside the 2 s refractory period
        assertThat(fires(ONE, 0.9, 0.1, 0.1, 0.1, 0.9)).containsExactly(0.0);
        // with no refractory period each new crossing fires, but a held score fires only once
        WakeOptions none = new WakeOptions(0.5, 1, 0);
        assertThat(fires(none, 0.9, 0.1, 0.9)).containsExactly(0.0, 0.16);
        assertThat(fires(none, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9)).containsExactly(0.0);
    }

    @Test
    void optionsAreChecked() {
        assertThatThrownBy(() -> new WakeOptions(1.0, 1, 2)).hasMessageContaining("threshold");
        assertThatThrownBy(() -> new WakeOptions(0.5, 0, 2)).hasMessageContaining("patience");
        assertThatThrownBy(() -> new WakeOptions(0.5, 1, -1)).hasMessageContaining("refractory");
        assertThatThrownBy(() -> new WakeOptions(0.5, 1, 2, 3, 0.01)).hasMessageContaining("phases");
        assertThatThrownBy(() -> new WakeOptions(0.5, 1, 2, 2, 0.6)).hasMessageContaining("phase gate");
        assertThat(WakeOptions.defaults().phases()).isEqualTo(8);
        assertThat(WakeOptions.defaults().patience()).isEqualTo(2);
        assertThat(WakeOptions.defaults().phaseGate()).isCloseTo(0.05, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(WakeOptions.withThreshold(0.3).phaseGate()).isCloseTo(0.03, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void theBestPhaseIsTheHighestScoredOne() {
        assertThat(new PhaseScores(0, new double[] {0.1, 0.06}, new float[] {0.2f, 0.7f}).best()).isEqualTo(1);
        assertThat(new PhaseScores(0, new double[] {0.1, 0.06}, new float[] {0.5f, 0.5f}).best()).isEqualTo(0);
        assertThat(new PhaseScores(0, new double[] {0.1, 0.06}, new float[] {Float.NaN, 0.1f}).best()).isEqualTo(1);
        assertThat(new PhaseScores(0, new double[] {0.1}, new float[] {Float.NaN}).best()).isEqualTo(-1);
    }

    @Test
    void votesTakeTheKthBestPhaseUnscoredOnesCountingAsZero() {
        PhaseScores s = new PhaseScores(7, new double[] {1, 0.99, 0.98, 0.97},
                new float[] {0.4f, 0.9f, Float.NaN, 0.6f});
        assertThat(s.kth(1)).isEqualTo(0.9f);
        assertThat(s.kth(2)).isEqualTo(0.6f);
        assertThat(s.kth(3)).isEqualTo(0.4f);
        assertThat(s.kth(4)).isEqualTo(0f);
        assertThat(s.kth(5)).isEqualTo(0f);
        assertThat(s.best()).isEqualTo(1);
        assertThatThrownBy(() -> s.kth(0)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> WakeOptions.withThreshold(0.5).withPhases(2).withVotes(3))
                .hasMessageContaining("votes");
        assertThat(WakeOptions.withThreshold(0.5).withPhases(8).withVotes(3).withPhases(2).votes()).isEqualTo(2);
    }

    @Test
    void extraPatienceIsPerModelAndOnlyWhereTheTableSaysSo() {
        WakeOptions o = WakeOptions.defaults();
        assertThat(o.extraPatience()).containsOnly(java.util.Map.entry("hey_jarvis", 1), java.util.Map.entry("alexa", 1));
        assertThat(o.forModel("alexa").patience()).isEqualTo(3);
        assertThat(o.forModel("hey_jarvis").patience()).isEqualTo(3);
        assertThat(o.forModel("hey_mycroft").patience()).isEqualTo(2);
        assertThat(o.forModel("alexa").extraPatience()).isEmpty();
        // the same two blocks at 0.9: enough for patience 2, not for alexa's 3
        assertThat(fires(o.forModel("hey_mycroft"), 0.1, 0.9, 0.9, 0.1)).containsExactly(0.16);
        assertThat(fires(o.forModel("alexa"), 0.1, 0.9, 0.9, 0.1)).isEmpty();
        assertThat(fires(o.forModel("alexa"), 0.1, 0.9, 0.9, 0.9, 0.1)).containsExactly(0.24);
        // the table survives the other withers; the 6-value constructor has none (openWakeWord's scoring)
        assertThat(o.withPhases(2).withPatience(1).forModel("alexa").patience()).isEqualTo(2);
        assertThat(new WakeOptions(0.5, 1, 2, 1, 0, 1).extraPatience()).isEmpty();
        // a negative entry waits less, never under one block
        assertThat(o.withExtraPatience(java.util.Map.of("alexa", -1)).forModel("alexa").patience()).isEqualTo(1);
        assertThat(o.withPatience(1).withExtraPatience(java.util.Map.of("alexa", -3)).forModel("alexa").patience())
                .isEqualTo(1);
    }

    @Test
    void aThresholdShiftMovesOneModelAndFollowsTheSharedThreshold() {
        WakeOptions o = WakeOptions.defaults().withThresholdShift(java.util.Map.of("alexa", 0.25, "hey_rhasspy", -0.15));
        assertThat(WakeOptions.defaults().thresholdShift()).isEmpty();
        assertThat(o.forModel("alexa").threshold()).isEqualTo(0.75);
        assertThat(o.forModel("hey_rhasspy").threshold()).isCloseTo(0.35, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(o.forModel("hey_mycroft").threshold()).isEqualTo(0.5);
        assertThat(o.forModel("alexa").thresholdShift()).isEmpty();
        // two blocks at 0.6 (patience 2): mycroft fires, alexa (0.75, patience 3) does not, rhasspy (0.35) does
        assertThat(fires(o.forModel("hey_mycroft"), 0.1, 0.6, 0.6, 0.1)).containsExactly(0.16);
        assertThat(fires(o.forModel("alexa"), 0.1, 0.6, 0.6, 0.6, 0.1)).isEmpty();
        assertThat(fires(o.forModel("hey_rhasspy"), 0.1, 0.4, 0.4, 0.1)).containsExactly(0.16);
        // raising the shared threshold raises the shifted model too, kept in [0.05, 0.95]; the gate never above it
        assertThat(WakeOptions.withThreshold(0.8).withThresholdShift(java.util.Map.of("alexa", 0.25))
                .forModel("alexa").threshold()).isEqualTo(0.95);
        WakeOptions low = WakeOptions.defaults().withPhaseGate(0.3).withThresholdShift(java.util.Map.of("alexa", -0.4));
        assertThat(low.forModel("alexa").threshold()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(low.forModel("alexa").phaseGate()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-12));
        assertThatThrownBy(() -> o.withThresholdShift(java.util.Map.of("alexa", 1.5)))
                .hasMessageContaining("threshold shifts");
    }

    @Test
    void aVerifierIsAskedOnlyWhereARunWouldFireAndAgainOnTheRunsNextBlocks() {
        WakeDecider d = new WakeDecider(new WakeOptions(0.5, 2, 2.0, 1, 0));
        List<Double> asked = new ArrayList<>();
        // block 1 below, 2 at the threshold (patience 2: not yet), 3 would fire but is declined, 4 is accepted
        double[] scores = {0.1, 0.6, 0.7, 0.8, 0.2};
        List<WakeDecider.Detection> out = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            double t = 0.08 * i;
            WakeDecider.Detection x = d.accept(t, scores[i], () -> {
                asked.add(t);
                return asked.size() >= 2;
            });
            if (x != null) {
                out.add(x);
            }
        }
        assertThat(asked).containsExactly(0.16, 0.24);
        assertThat(out).singleElement().satisfies(x -> {
            assertThat(x.t()).isEqualTo(0.24);
            assertThat(x.score()).isEqualTo(0.8);
            assertThat(x.peak()).isEqualTo(0.8);
        });
        // a run the verifier never accepts gives nothing
        WakeDecider never = new WakeDecider(new WakeOptions(0.5, 1, 2.0, 1, 0));
        for (int i = 0; i < 5; i++) {
            assertThat(never.accept(0.08 * i, 0.9, () -> false)).isNull();
        }
        assertThat(never.finish()).isNull();
    }
}
