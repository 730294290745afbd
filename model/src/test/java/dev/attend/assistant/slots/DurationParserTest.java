package dev.attend.assistant.slots;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The slot table: phrasings of durations and the seconds they mean; sentences without one. */
class DurationParserTest {

    @ParameterizedTest(name = "{0} -> {1} s")
    @CsvSource(delimiter = '|', value = {
        "set a timer for five minutes | 300",
        "set a timer for 5 minutes | 300",
        "timer 5 min | 300",
        "5min timer | 300",
        "a timer for 1 hour 20 | 4800",
        "1 hour 20 minutes | 4800",
        "one hour and twenty minutes | 4800",
        "an hour and a half | 5400",
        "one and a half hours | 5400",
        "1.5 hours | 5400",
        "90 seconds | 90",
        "ninety seconds | 90",
        "a minute | 60",
        "set a timer for a minute please | 60",
        "half an hour | 1800",
        "half a minute | 30",
        "a quarter of an hour | 900",
        "three quarters of an hour | 2700",
        "two and a half minutes | 150",
        "twenty five minutes | 1500",
        "twenty-five minutes | 1500",
        "forty five seconds | 45",
        "10s | 10",
        "10 secs | 10",
        "2 hours | 7200",
        "two hours and thirty minutes | 9000",
        "3 minutes 30 | 210",
        "3 minutes and 30 seconds | 210",
        "one hundred and twenty seconds | 120",
        "one hundred seconds | 100",
        "a pasta timer for twelve minutes | 720",
        "remind me in 15 minutes | 900",
        "start a 10 minute timer | 600",
        "start a ten minute tea timer | 600",
        "set a timer for 1 hr | 3600",
        "give me 45 mins | 2700",
        "count down 7 minutes | 420",
        "seventy seconds | 70",
        "an hour | 3600",
        "one minute and a half | 90",
        "eleven minutes | 660",
        "nineteen seconds | 19",
        "thirty seconds | 30",
    })
    void parsesDurations(String text, long seconds) {
        assertThat(DurationParser.parse(text)).contains(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @ValueSource(strings = {"set a timer", "set a timer for banana", "what time is it", "a timer for minutes",
        "blorf zanky wibble", "one two three", "the hour is late", "half", "set a timer for a while", ""})
    void findsNoneWhereThereIsNone(String text) {
        assertThat(DurationParser.parse(text)).isEqualTo(Optional.empty());
    }
}
