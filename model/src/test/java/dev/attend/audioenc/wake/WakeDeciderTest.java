package dev.attend.audioenc.wake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WakeDeciderTest {

    /** Times (one score per 80 ms token) at which the decider fires. */
    private static List<Double> fires(WakeOptions o, double... scores) {
        WakeDecider d = new WakeDecider(o);
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            double t = Math.round(i * 0.08 * 1000) / 1000.0;
            if (d.accept(t, scores[i])) {
                out.add(t);
            }
        }
        return out;
    }

    @Test
    void firesOnceWhenTheScoreCrossesTheThreshold() {
        assertThat(fires(WakeOptions.defaults(), 0.1, 0.2, 0.7, 0.9, 0.8, 0.3, 0.1)).containsExactly(0.16);
        assertThat(fires(WakeOptions.defaults(), 0.1, 0.49, 0.3)).isEmpty();
    }

    @Test
    void patienceNeedsConsecutiveFramesAboveTheThreshold() {
        WakeOptions p3 = new WakeOptions(0.5, 3, 2.0);
        assertThat(fires(p3, 0.9, 0.9, 0.1, 0.9, 0.9, 0.1)).isEmpty();
        assertThat(fires(p3, 0.9, 0.9, 0.9, 0.9)).containsExactly(0.16);
    }

    @Test
    void refractoryPeriodAndReArming() {
        // two peaks 0.32 s apart: the second is inside the 2 s refractory period
        assertThat(fires(WakeOptions.defaults(), 0.9, 0.1, 0.1, 0.1, 0.9)).containsExactly(0.0);
        // with no refractory period each new crossing fires, but a held score fires only once
        WakeOptions none = new WakeOptions(0.5, 1, 0);
        assertThat(fires(none, 0.9, 0.1, 0.9)).containsExactly(0.0, 0.16);
        assertThat(fires(none, 0.9, 0.9, 0.9, 0.9)).containsExactly(0.0);
    }

    @Test
    void optionsAreChecked() {
        assertThatThrownBy(() -> new WakeOptions(1.0, 1, 2)).hasMessageContaining("threshold");
        assertThatThrownBy(() -> new WakeOptions(0.5, 0, 2)).hasMessageContaining("patience");
        assertThatThrownBy(() -> new WakeOptions(0.5, 1, -1)).hasMessageContaining("refractory");
    }
}
