package dev.attend.encoders.audio.vad;

import dev.attend.event.VadEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VadSegmenterTest {

    private static final double W = 0.032;

    /** Feeds one probability per 32 ms window from t = 0; returns the events. */
    private static List<VadEvent> run(VadOptions o, double... probs) {
        List<VadEvent> out = new ArrayList<>();
        VadSegmenter s = new VadSegmenter(o, out::add);
        for (int i = 0; i < probs.length; i++) {
            s.accept(i * W, (i + 1) * W, probs[i]);
        }
        s.finish(probs.length * W);
        return out;
    }

    private static double[] seq(Object... runs) {
        List<Double> l = new ArrayList<>();
        for (int i = 0; i < runs.length; i += 2) {
            double p = ((Number) runs[i]).doubleValue();
            for (int k = 0; k < (Integer) runs[i + 1]; k++) {
                l.add(p);
            }
        }
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void oneSegmentWithPaddingAndMeanProbability() {
        // 10 windows silence, 20 speech (640 ms), 10 silence
        List<VadEvent> ev = run(VadOptions.defaults(), seq(0.1, 10, 0.9, 20, 0.1, 10));
        assertThat(ev).containsExactly(
                VadEvent.start(0.29, 0.9),
                VadEvent.end(0.29, 0.99, 0.9));
        assertThat(ev.get(0).end()).isNull();
        assertThat(ev.get(0).t()).isEqualTo(ev.get(0).start());
        assertThat(ev.get(1).t()).isEqualTo(ev.get(1).end());
    }

    @Test
    void hysteresisKeepsSpeechBetweenExitAndEnterThresholds() {
        // 0.4 is below enter (0.5) but above exit (0.35): it continues speech, never starts it
        assertThat(run(VadOptions.defaults(), seq(0.4, 20))).isEmpty();
        List<VadEvent> ev = run(VadOptions.defaults(), seq(0.1, 5, 0.9, 10, 0.4, 10, 0.1, 10));
        assertThat(ev).hasSize(2);
        assertThat(ev.get(1).end()).isEqualTo(round(25 * W + 0.03));
    }

    @Test
    void speechShorterThanTheMinimumIsIgnored() {
        // 7 windows = 224 ms < 250 ms; 8 windows = 256 ms is enough
        assertThat(run(VadOptions.defaults(), seq(0.1, 5, 0.9, 7, 0.1, 10))).isEmpty();
        assertThat(run(VadOptions.defaults(), seq(0.1, 5, 0.9, 8, 0.1, 10))).hasSize(2);
    }

    @Test
    void pausesShorterThanTheMinimumSilenceStayInside() {
        // a 64 ms pause (< 100 ms) is bridged; a 128 ms pause splits
        assertThat(run(VadOptions.defaults(), seq(0.1, 5, 0.9, 10, 0.1, 2, 0.9, 10, 0.1, 10))).hasSize(2);
        List<VadEvent> split = run(VadOptions.defaults(), seq(0.1, 5, 0.9, 10, 0.1, 4, 0.9, 10, 0.1, 10));
        assertThat(split).extracting(VadEvent::event).containsExactly("start", "end", "start", "end");
        assertThat(split.get(2).start()).isGreaterThanOrEqualTo(split.get(1).end());
    }

    @Test
    void speechRunningAtTheEndOfTheStreamIsClosedThere() {
        List<VadEvent> ev = run(VadOptions.defaults(), seq(0.1, 5, 0.9, 20));
        assertThat(ev).hasSize(2);
        assertThat(ev.get(1).end()).isEqualTo(round(25 * W));
    }

    @Test
    void optionsAreChecked() {
        assertThatThrownBy(() -> new VadOptions(0.5, 0.6, 0.25, 0.1, 0.03)).hasMessageContaining("exit threshold");
        assertThatThrownBy(() -> new VadOptions(1.5, 0.3, 0.25, 0.1, 0.03)).hasMessageContaining("enter threshold");
        assertThatThrownBy(() -> new VadOptions(0.5, 0.3, -1, 0.1, 0.03)).hasMessageContaining("negative");
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
