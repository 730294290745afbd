package dev.attend.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.assistant.Reply;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The bench's slot tally against the text path's reading of the same sentence. */
class SpokenSlotTallyTest {

    @Test
    void countsRightAndWrongTimersAndActions() {
        SpokenSlotTally t = new SpokenSlotTally();
        t.add("timer", "set a timer for five minutes", Reply.of("timer.setPlain", "duration", Duration.ofMinutes(5)));
        t.add("timer", "set a timer for five minutes", Reply.of("timer.setPlain", "duration", Duration.ofMinutes(6)));
        t.add("timer", "start a timer for ninety seconds", Reply.noAction("timer.noDuration"));
        t.add("timer", "cancel my timer", Reply.of("timer.list", "list", "x"));
        t.add("note", "read me my last note", Reply.of("note.last", "text", "x"));
        t.add("note", "what notes did I take today", Reply.noAction("note.unsure"));
        assertThat(t.report().get(0)).isEqualTo("slots from sound (timer/note commands understood: 6): action right "
                + "4, wrong 1, unsure (asked) 1; timers set with the right length 1, WRONG length 1 (bar 0), asked "
                + "how long 1");
        assertThat(t.report()).contains("  slot miss: timer of 360 s, said 300 s: set a timer for five minutes",
                "  slot miss: timer: did list, said cancel (timer.list): cancel my timer");
    }
}
