package dev.attend.fusion.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.assistant.slots.DurationParser;
import dev.attend.fusion.data.IntentPhrases;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SlotWordsTest {

    @Test
    void labelsReadTheDurationTheAssistantWouldParse() {
        int withDuration = 0;
        for (IntentPhrases.Phrase p : IntentPhrases.all("timer")) {
            int[] l = SlotWords.labels(p.text(), "timer");
            var parsed = DurationParser.parse(p.text());
            if (l[1] != 0) {
                withDuration++;
                assertThat(parsed).as(p.text()).isPresent();
                assertThat(SlotWords.seconds(l[1], l[2])).as(p.text()).isEqualTo(parsed.get().getSeconds());
                assertThat(SlotWords.ACTIONS.get(l[0])).as(p.text()).isEqualTo("set");
            } else {
                assertThat(parsed).as(p.text()).isEmpty();
            }
        }
        assertThat(withDuration).isGreaterThan(100);
    }

    @Test
    void knownPhrasesGetTheirSubAction() {
        assertThat(action("set a tea timer for five minutes", "timer")).isEqualTo("set");
        assertThat(action("list my timers", "timer")).isEqualTo("list");
        assertThat(action("how much time is left on the pasta timer", "timer")).isEqualTo("list");
        assertThat(action("cancel the egg timer", "timer")).isEqualTo("cancel");
        assertThat(action("take a note buy milk", "note")).isEqualTo("create");
        assertThat(action("read my last note", "note")).isEqualTo("last");
        assertThat(action("list today's notes", "note")).isEqualTo("today");
        assertThat(action("what time is it", "time")).isEqualTo("none");
        assertThat(SlotWords.labels("set a timer for twenty five minutes", "timer"))
                .containsExactly(1, SlotWords.NUMBERS.indexOf("twenty five") + 1, SlotWords.UNITS.indexOf("minute") + 1);
        assertThat(SlotWords.labels("remind me in one hour", "timer")[2]).isEqualTo(3);
    }

    @Test
    void everySubActionIsAboutAThirdOfItsIntentsPhrases() {
        for (String intent : List.of("timer", "note")) {
            Map<String, Long> n = IntentPhrases.all(intent).stream()
                    .collect(Collectors.groupingBy(p -> action(p.text(), intent), Collectors.counting()));
            long total = n.values().stream().mapToLong(Long::longValue).sum();
            assertThat(n).hasSize(3);
            n.values().forEach(c -> assertThat(c / (double) total).as(intent + " " + n).isBetween(0.25, 0.42));
        }
    }

    private static String action(String text, String intent) {
        return SlotWords.ACTIONS.get(SlotWords.labels(text, intent)[0]);
    }

}
