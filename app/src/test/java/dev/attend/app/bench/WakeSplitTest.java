package dev.attend.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WakeSplitTest {

    @Test
    void theDefaultVoicesSplitInHalfAndEarlierTuningVoicesAreNeverHeldOut() {
        List<String> voices = WakeBench.DEFAULT_VOICES;
        boolean[] tune = WakeSplit.voices(voices);
        List<String> tuning = new ArrayList<>();
        List<String> held = new ArrayList<>();
        for (int i = 0; i < tune.length; i++) {
            (tune[i] ? tuning : held).add(voices.get(i));
        }
        assertThat(voices).hasSize(32);
        assertThat(tuning).hasSize(16).containsAll(WakeSplit.TUNED).doesNotContainAnyElementsOf(WakeSplit.HELD);
        assertThat(held).hasSize(16).containsAll(WakeSplit.HELD);
        // the others alternate in list order, the first of them tuning
        assertThat(tuning).contains("en-gb", "en-gb+klatt", "en-029");
        assertThat(held).contains("en-gb+m3", "en-gb-scotland+m3", "en-us-nyc");
    }

    @Test
    void segmentsAlternateStartingWithTuning() {
        assertThat(WakeSplit.segment(0)).isTrue();
        assertThat(WakeSplit.segment(1)).isFalse();
        assertThat(WakeSplit.segment(34)).isTrue();
    }
}
