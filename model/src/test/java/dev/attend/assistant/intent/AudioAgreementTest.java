package dev.attend.assistant.intent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.token.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Audio alone acts only when the whole command and the command cut after its speech agree. */
class AudioAgreementTest {

    /** Tokens 80 ms apart from 0.072 s to about 2.4 s; the speech ends at 2.0 s. */
    private static final List<Token> COMMAND = tokens(30);
    private static final double END = 2.0;

    private static List<Token> tokens(int n) {
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Token.audio(i, 0.072 + 0.08 * i, new float[96]));
        }
        return out;
    }

    /** A head that is sure of "time" on the whole command and of {@code cutIntent} on the cut one. */
    private static AudioIntentModel head(String cutIntent) {
        return command -> command.size() == COMMAND.size() ? Map.of("time", 0.99, "none", 0.01)
                : Map.of(cutIntent, 0.99, "time".equals(cutIntent) ? "none" : "time", 0.01);
    }

    @Test
    void bothViewsSureOfTimeActs() {
        Map<String, Double> p = AudioAgreement.probabilities(head("time"), COMMAND, END);
        assertThat(p.get("time")).isEqualTo(0.99);
        IntentDecision d = IntentCombiner.defaults().decide(null, IntentOpinion.of("audio", p, null, null));
        assertThat(d.understood()).isTrue();
        assertThat(d.intent()).isEqualTo("time");
    }

    @Test
    void viewsDisagreeingIsNotUnderstood() {
        Map<String, Double> p = AudioAgreement.probabilities(head("none"), COMMAND, END);
        assertThat(p.get("time")).isEqualTo(0.01);
        IntentDecision d = IntentCombiner.defaults().decide(null, IntentOpinion.of("audio", p, null, null));
        assertThat(d.understood()).isFalse();
        assertThat(d.intent()).isEqualTo(Intents.NONE);
    }

    @Test
    void theCutViewEndsJustAfterTheSpeech() {
        List<Integer> sizes = new ArrayList<>();
        AudioAgreement.probabilities(c -> {
            sizes.add(c.size());
            return Map.of("time", 1.0);
        }, COMMAND, END);
        // whole: 30 tokens; cut: t <= 2.1 s -> 0.072 + 0.08 i <= 2.1 -> i <= 25 -> 26 tokens
        assertThat(sizes).containsExactly(30, 26);
    }

    @Test
    void aCommandWithoutTailIsJudgedOnce() {
        List<Integer> sizes = new ArrayList<>();
        AudioAgreement.probabilities(c -> {
            sizes.add(c.size());
            return Map.of("time", 1.0);
        }, tokens(10), END);
        assertThat(sizes).containsExactly(10);
    }
}
