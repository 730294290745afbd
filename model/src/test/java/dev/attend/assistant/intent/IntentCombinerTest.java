package dev.attend.assistant.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class IntentCombinerTest {

    private final IntentCombiner c = IntentCombiner.defaults();

    private static IntentOpinion text(Map<String, Double> p, double similarity) {
        return IntentOpinion.of("text", p, similarity, "example");
    }

    private static IntentOpinion audio(Map<String, Double> p) {
        return IntentOpinion.of("audio", p, null, null);
    }

    @Test
    void audioAloneDecidesOnlyWhenCalibratedSure() {
        // below the audio-only threshold (0.95) a sound-only opinion never acts, however far ahead it is
        assertThat(c.decide(null, audio(Map.of("time", 0.9, "none", 0.1))).understood()).isFalse();
        assertThat(c.decide(null, audio(Map.of("time", 0.94, "none", 0.06))).understood()).isFalse();
        assertThat(c.decide(null, audio(Map.of("time", 0.96, "none", 0.04))).understood()).isTrue();
        assertThat(c.decide(null, audio(Map.of("stop", 0.9, "none", 0.1))).understood()).isFalse();
        IntentDecision d = c.decide(null, audio(Map.of("time", 0.98, "none", 0.02)));
        assertThat(d.intent()).isEqualTo("time");
        assertThat(d.understood()).isTrue();
        assertThat(d.audio().intent()).isEqualTo("time");
        assertThat(d.text()).isNull();
    }

    @Test
    void lowConfidenceIsNotUnderstood() {
        assertThat(c.decide(null, audio(Map.of("time", 0.45, "date", 0.4, "none", 0.15))).understood()).isFalse();
        assertThat(c.decide(text(Map.of("time", 0.99, "none", 0.01), 0.4), null).understood()).isFalse();
        assertThat(c.decide(null, null).understood()).isFalse();
    }

    @Test
    void bothOpinionsAreWeightedAndKept() {
        IntentDecision d = c.decide(text(Map.of("timer", 0.8, "time", 0.2), 0.7),
                audio(Map.of("time", 0.9, "timer", 0.1)));
        // 0.7 * 0.8 + 0.3 * 0.1 = 0.59 for timer, 0.7 * 0.2 + 0.3 * 0.9 = 0.41 for time
        assertThat(d.intent()).isEqualTo("none");
        assertThat(d.confidence()).isEqualTo(0.59);
        assertThat(d.text().intent()).isEqualTo("timer");
        assertThat(d.audio().intent()).isEqualTo("time");
    }

    @Test
    void stopWinsWhenEitherIsSure() {
        IntentDecision d = c.decide(text(Map.of("timer", 0.9, "stop", 0.1), 0.8), audio(Map.of("stop", 0.85,
                "timer", 0.15)));
        assertThat(d.intent()).isEqualTo("stop");
        assertThat(d.understood()).isTrue();
    }
}
