package dev.attend.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attend.encoders.audio.wake.WakeVerifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The verifier's fit: a known separable problem is learnt, deterministic, and survives its file format. */
class WakeLogisticFitTest {

    /** Positives have feature 7 near +1 and negatives near −1; everything else (and the score) is noise. */
    private static List<WakeLogisticFit.Example> data(long seed, int n) {
        Random r = new Random(seed);
        List<WakeLogisticFit.Example> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean pos = i % 3 == 0; // unbalanced on purpose: the classes are weighted
            float[] x = new float[WakeVerifier.FEATURES];
            for (int k = 0; k < x.length; k++) {
                x[k] = (float) r.nextGaussian();
            }
            x[7] = (pos ? 1 : -1) + 0.2f * (float) r.nextGaussian();
            out.add(new WakeLogisticFit.Example(x, pos));
        }
        return out;
    }

    @Test
    void learnsTheOneFeatureThatSeparatesTheClasses() throws Exception {
        WakeVerifier v = WakeLogisticFit.fit("hey_jarvis", data(1, 2000), 0.35f, 0.5f);
        int right = 0;
        List<WakeLogisticFit.Example> test = data(2, 200);
        for (WakeLogisticFit.Example e : test) {
            float[] w = java.util.Arrays.copyOf(e.x(), WakeVerifier.FEATURES - 1);
            right += v.accepts(w, e.x()[WakeVerifier.FEATURES - 1]) == e.positive() ? 1 : 0;
        }
        assertThat(right).isGreaterThanOrEqualTo(190); // unseen examples, 95 % (1 536 pure-noise features)
        // the same data gives the same bytes; the bytes give the same verifier back
        assertThat(WakeLogisticFit.fit("hey_jarvis", data(1, 2000), 0.35f, 0.5f).toBytes()).isEqualTo(v.toBytes());
        WakeVerifier back = WakeVerifier.fromBytes("hey_jarvis", v.toBytes());
        assertThat(back.candidate()).isEqualTo(0.35f);
        assertThat(back.toBytes()).isEqualTo(v.toBytes());
    }

    @Test
    void oneClassOnlyIsRefused() {
        List<WakeLogisticFit.Example> neg = data(3, 30).stream()
                .map(e -> new WakeLogisticFit.Example(e.x(), false)).toList();
        assertThatThrownBy(() -> WakeLogisticFit.fit("alexa", neg, 0.3f, 0.5f))
                .hasMessageContaining("needs positives and negatives");
    }
}
