package dev.attend.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.token.Token;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A command's audio tokens: from its activation to {@link CommandAudio#TAIL_SECONDS} after its speech. */
class CommandAudioTest {

    private static CommandAudio withTokensUntil(double until) {
        CommandAudio a = new CommandAudio();
        for (int i = 0; 0.072 + 0.08 * i <= until; i++) {
            a.add(Token.audio(i, 0.072 + 0.08 * i, new float[96]));
        }
        return a;
    }

    @Test
    void takesTheTailAfterTheSpeech() {
        List<Token> c = withTokensUntil(5).command(1.0, 2.0, 0);
        // 1.0 <= 0.072 + 0.08 i <= 2.4 -> i = 12..29
        assertThat(c).hasSize(18);
        assertThat(c.get(0).index()).isEqualTo(12);
        assertThat(c.get(c.size() - 1).t()).isBetween(2.3, 2.4);
    }

    @Test
    void givesWhatThereIsWhenTheTailNeverComes() {
        long t0 = System.nanoTime();
        List<Token> c = withTokensUntil(2.1).command(1.0, 2.0, 50);
        assertThat(c).hasSize(14); // i = 12..25
        assertThat((System.nanoTime() - t0) / 1e6).isLessThan(5_000);
    }

    @Test
    void forgetsTokensOlderThanItsHistory() {
        CommandAudio a = withTokensUntil(CommandAudio.HISTORY_SECONDS + 10);
        assertThat(a.command(0, 5, 0)).isEmpty();
    }
}
