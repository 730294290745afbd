package dev.attend.fusion.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.attend.fusion.model.SlotWords;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlotDistributionsTest {

    private static final int A = SlotWords.HEAD_SIZES[0];
    private static final int N = SlotWords.HEAD_SIZES[1];

    @Test
    void confidentHeadsGiveTheirActionAndFiveMinutes() {
        float[] logits = new float[A + N + SlotWords.HEAD_SIZES[2]];
        logits[SlotWords.ACTIONS.indexOf("set")] = 9;
        logits[A + SlotWords.NUMBERS.indexOf("five") + 1] = 9;
        logits[A + N + SlotWords.UNITS.indexOf("minute") + 1] = 9;
        Map<String, Map<String, Double>> d = SlotDistributions.of(logits);
        assertThat(d.get("action")).doesNotContainKey("none").hasSize(6);
        assertThat(best(d.get("action"))).isEqualTo("set");
        assertThat(best(d.get("duration"))).isEqualTo("300");
        assertThat(d.get("duration").get("300")).isGreaterThan(0.99);
        for (Map<String, Double> m : d.values()) {
            assertThat(m.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, offset(1e-9));
        }
    }

    @Test
    void noneIsLeftOutAndEveryNumberUnitPairIsOneDuration() {
        float[] logits = new float[A + N + SlotWords.HEAD_SIZES[2]];
        logits[A] = 20; // number head: "none" by far, still renormalized over the real numbers
        Map<String, Double> d = SlotDistributions.of(logits).get("duration");
        // all numbers and units equally likely; no two pairs of this vocabulary give the same seconds
        double cell = 1.0 / ((N - 1) * (SlotWords.HEAD_SIZES[2] - 1));
        assertThat(d).hasSize((N - 1) * (SlotWords.HEAD_SIZES[2] - 1));
        assertThat(d.get("60")).isCloseTo(cell, offset(1e-9));
        assertThat(d.get("5")).isCloseTo(cell, offset(1e-9));
        assertThat(d.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, offset(1e-9));
    }

    private static String best(Map<String, Double> m) {
        return m.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
}
