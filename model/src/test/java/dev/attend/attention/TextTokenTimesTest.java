package dev.attend.attention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.event.AsrEvents;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTokenTimesTest {

    @Test
    void piecesTakeTheStartOfTheWordTheySpell() {
        AsrEvents.Final f = new AsrEvents.Final(0.5, 2.4, 0, "turn on the kitchen's lights", 1.0, List.of(
                new AsrEvents.Word("turn", 0.5, 0.8, 1), new AsrEvents.Word("on", 0.9, 1.0, 1),
                new AsrEvents.Word("the", 1.1, 1.2, 1), new AsrEvents.Word("kitchen's", 1.3, 1.8, 1),
                new AsrEvents.Word("lights", 1.9, 2.4, 1)), List.of());
        List<String> pieces = List.of("[CLS]", "turn", "on", "the", "kitchen", "'", "s", "light", "##s", "[SEP]");
        assertThat(TextTokenTimes.of(pieces, f))
                .containsExactly(0.5, 0.5, 0.9, 1.1, 1.3, 1.3, 1.3, 1.9, 1.9, 2.4);
    }

    @Test
    void withoutWordTimesEveryPieceHasTheUtterancesStart() {
        AsrEvents.Final f = new AsrEvents.Final(3.0, 4.0, 1, "hello world", 1.0, List.of(), List.of());
        assertThat(TextTokenTimes.of(List.of("[CLS]", "hello", "world", "[SEP]"), f))
                .containsExactly(3.0, 3.0, 3.0, 3.0);
    }
}
