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
        List<Token> c = withTokensUntil(5).command(1.0, 2.0, 0, null);
        // 1.0 <= 0.072 + 0.08 i <= 2.4 -> i = 12..29
        assertThat(c).hasSize(18);
        assertThat(c.get(0).index()).isEqualTo(12);
        assertThat(c.get(c.size() - 1).t()).isBetween(2.3, 2.4);
    }

    @Test
    void givesWhatThereIsWhenTheTailNeverComes() {
        long t0 = System.nanoTime();
        List<Token> c = withTokensUntil(2.1).command(1.0, 2.0, 50, null);
        assertThat(c).hasSize(14); // i = 12..25
        assertThat((System.nanoTime() - t0) / 1e6).isLessThan(5_000);
    }

    @Test
    void withASilenceTokenTheTailIsPaddedAtOnceInsteadOfAwaited() {
        float[] silence = new float[96];
        java.util.Arrays.fill(silence, 0.5f);
        // the stream has reached 2.1 s: the real tail (to 2.4 s) has not come, and is not waited for
        long t0 = System.nanoTime();
        List<Token> c = withTokensUntil(2.15).command(1.0, 2.0, 10_000, silence);
        assertThat((System.nanoTime() - t0) / 1e6).isLessThan(5_000);
        // real: 1.0 <= 0.072 + 0.08 i <= 2.1 -> i = 12..25; padded: i = 26..29 (t 2.152 .. 2.392)
        assertThat(c).hasSize(18);
        assertThat(c.subList(0, 14)).allSatisfy(t -> assertThat(t.vector()[0]).isZero());
        assertThat(c.subList(14, 18)).allSatisfy(t -> assertThat(t.vector()[0]).isEqualTo(0.5f));
        assertThat(c.get(14).index()).isEqualTo(26);
        assertThat(c.get(17).t()).isCloseTo(2.392, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void paddingReplacesRealTokensPastTheVadEndSoLiveAndBenchSeeTheSame() {
        float[] silence = new float[96];
        java.util.Arrays.fill(silence, 0.5f);
        List<Token> c = withTokensUntil(5).command(1.0, 2.0, 0, silence);
        assertThat(c).hasSize(18);
        assertThat(c.stream().filter(t -> t.vector()[0] == 0.5f).count()).isEqualTo(4);
    }

    @Test
    void waitsForTheLastRealTokenBeforeTheVadEnd() throws Exception {
        CommandAudio a = withTokensUntil(2.0); // newest i = 24 at 1.992; i = 25 (2.072) still due
        Thread feeder = dev.attend.concurrent.AttendThreads.factory("test-feeder").newThread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            a.add(Token.audio(25, 0.072 + 0.08 * 25, new float[96]));
        });
        feeder.start();
        List<Token> c = a.command(1.0, 2.0, 5_000, new float[96]);
        feeder.join();
        assertThat(c.get(13).index()).isEqualTo(25);
        assertThat(c).hasSize(18);
    }

    @Test
    void forgetsTokensOlderThanItsHistory() {
        CommandAudio a = withTokensUntil(CommandAudio.HISTORY_SECONDS + 10);
        assertThat(a.command(0, 5, 0, null)).isEmpty();
    }
}
