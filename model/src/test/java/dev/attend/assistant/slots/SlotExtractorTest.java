package dev.attend.assistant.slots;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlotExtractorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "set a pasta timer for 12 minutes | set | pasta | 720",
        "set a timer for five minutes | set | - | 300",
        "start a ten minute tea timer | set | tea | 600",
        "set a timer called eggs for 6 minutes | set | eggs | 360",
        "set a timer for 4 minutes named green tea | set | green tea | 240",
        "cancel the pasta timer | cancel | pasta | -",
        "stop the timer | cancel | - | -",
        "what timers are running | list | - | -",
        "how much time is left on my timer | list | - | -",
    })
    void timers(String text, String action, String name, Long seconds) {
        Slots s = SlotExtractor.extract("timer", text);
        assertThat(s.action()).isEqualTo(action);
        assertThat(s.name()).isEqualTo(name);
        assertThat(s.duration()).isEqualTo(seconds == null ? null : Duration.ofSeconds(seconds));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "Note that the Meeting moved to Friday | create | the Meeting moved to Friday",
        "take a note buy milk | create | buy milk",
        "make a note that the keys are in the drawer | create | the keys are in the drawer",
        "remember that Anna's birthday is on June 3rd | create | Anna's birthday is on June 3rd",
        "write down call the dentist | create | call the dentist",
        "take a note | create | -",
        "read my last note | last | -",
        "what was my last note | last | -",
        "what are today's notes | today | -",
        "list my notes from today | today | -",
    })
    void notes(String text, String action, String body) {
        Slots s = SlotExtractor.extract("note", text);
        assertThat(s.action()).isEqualTo(action);
        assertThat(s.text()).isEqualTo(body);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "what did I say about the budget | the budget",
        "search my history for the project deadline | the project deadline",
        "find where I mentioned the dentist | the dentist",
        "what did I say | -",
    })
    void searchQueries(String text, String query) {
        assertThat(SlotExtractor.extract("search", text).query()).isEqualTo(query);
    }

    @Test
    void targetLanguages() {
        assertThat(SlotExtractor.extract("translate_last", "translate that into Spanish").language()).isEqualTo("spa");
        assertThat(SlotExtractor.extract("translate_last", "how do you say that in catalan").language()).isEqualTo("cat");
        assertThat(SlotExtractor.extract("translate_last", "translate that").language()).isNull();
    }
}
